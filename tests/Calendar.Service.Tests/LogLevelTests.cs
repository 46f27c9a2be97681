using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Calendar.Service.Tests;

/// <summary>What is logged is what the configuration's levels say, with the host's errors held back during its start.</summary>
public class LogLevelTests
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    [Fact]
    public async Task TheService_LogsNothingBelowTheConfiguredDefaultLevel()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());

        // ServiceProcess sets Logging__LogLevel__Default=Warning. The warning waited for comes after the database's
        // migrations and the host's start, which log at Information and Debug.
        var output = await ServiceProcess.OutputUntilAsync(
            facts.Path, new Dictionary<string, string>(), line => line.Contains("Links in emails use", StringComparison.Ordinal),
            "--urls", "http://127.0.0.1:0", $"--Calendar:FactsPath={facts.Path}", $"--Calendar:DataPath={Path.Combine(facts.Path, "data")}");

        var levels = output.Split('\n').Where(line => line.Length > 5 && line[4] == ':' && !char.IsWhiteSpace(line[0])).Select(line => line[..4]);
        Assert.Equal(["warn"], levels.Distinct());
    }

    [Fact]
    public async Task ACategoryWithoutARuleOfItsOwn_LogsAtTheDefaultLevel()
    {
        await using var app = Build(out _, "--Logging:LogLevel:Default=Warning");
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Calendar.Service.Storage.CalendarDatabase");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task TheHostsErrors_AreHeldBackUntilItsStartIsOver_AndItsOtherLevelsAreTheConfiguredOnes()
    {
        await using var app = Build(out var start, "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Extensions.Hosting=Debug");
        var host = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(HostCategory);

        Assert.False(host.IsEnabled(LogLevel.Trace));
        Assert.True(host.IsEnabled(LogLevel.Debug));
        Assert.False(host.IsEnabled(LogLevel.Error));
        start.Finished = true;
        Assert.True(host.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public async Task AProvidersOwnLevel_StillDecides_AndTheHostsErrorsAreHeldBackThereToo()
    {
        await using var app = Build(out var start, "--Logging:LogLevel:Default=Trace", "--Logging:Console:LogLevel:Default=Warning");
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        var host = loggers.CreateLogger(HostCategory);

        Assert.False(loggers.CreateLogger("Calendar.Service.PublicAddress").IsEnabled(LogLevel.Information));
        Assert.False(host.IsEnabled(LogLevel.Information));
        Assert.True(host.IsEnabled(LogLevel.Warning));
        Assert.False(host.IsEnabled(LogLevel.Critical));
        start.Finished = true;
        Assert.True(host.IsEnabled(LogLevel.Critical));
    }

    /// <summary>A host configured from <paramref name="args"/> as the service's is, logging to the console alone.</summary>
    private static WebApplication Build(out HostStart start, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders().AddConsole();
        Startup.ReportFailedStartInOneLine(builder);
        var app = builder.Build();
        start = app.Services.GetRequiredService<HostStart>();
        return app;
    }
}
