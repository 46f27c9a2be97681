using System.Text.Json;

namespace Calendar.Service.Tests.Deployment;

/// <summary>The runtime settings the service ships with (its runtimeconfig.json, read by the runtime at start).</summary>
public class RuntimeSettingsTests
{
    [Fact]
    public void TheService_RunsWorkstationGc_ThatCompactsWhenFragmented()
    {
        // Copied next to the tests with the service's assembly; the container's image has the same file.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendar.Service.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        // The web SDK turns Server GC on unless ServerGarbageCollection says otherwise (a misspelled property did not).
        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(9, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
    }

    [Fact]
    public void TheService_CompilesItsMethodsOptimizedAtTheFirstCall()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendar.Service.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        // Quick JIT off: no unoptimized tier 0 for code that is not precompiled; tiered compilation itself stays on.
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation.QuickJit").GetBoolean());
        Assert.False(properties.TryGetProperty("System.Runtime.TieredCompilation", out _));
    }
}
