using System.ComponentModel;
using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Calendar.Service.Tests.Deployment;

/// <summary>
/// docker-compose.yml as Docker Compose reads it. There is no Docker engine here, so the file is checked with
/// <c>docker-compose config</c> (Debian's docker-compose), which resolves and validates it as <c>up</c> would.
/// </summary>
public class ComposeFileTests
{
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["CALENDAR_ADMIN_API_KEY"] = "test-admin-key",
        ["CALENDAR_SIGNING_SECRET"] = "test-signing-secret",
    };

    [Fact]
    public async Task TheServiceGetsMailpitTheMountsAVolumeAndAHealthCheck()
    {
        var (exitCode, output, error) = await ComposeConfigAsync(Secrets);
        Assert.True(exitCode == 0, error);

        var services = (YamlMappingNode)Parse(output)["services"];
        var calendar = (YamlMappingNode)services["calendar"];
        var mailpit = (YamlMappingNode)services["mailpit"];

        var environment = (YamlMappingNode)calendar["environment"];
        Assert.Equal("mailpit", Text(environment["Calendar__Smtp__Host"]));
        Assert.Equal("1025", Text(environment["Calendar__Smtp__Port"]));
        Assert.Equal("None", Text(environment["Calendar__Smtp__Security"]));
        Assert.Equal("test-admin-key", Text(environment["Calendar__AdminApiKey"]));
        Assert.Equal("test-signing-secret", Text(environment["Calendar__SigningSecret"]));

        var volumes = ((YamlSequenceNode)calendar["volumes"]).Select(Text).ToList();
        Assert.Contains("calendar-data:/app/data:rw", volumes);
        Assert.Contains($"{Repository.Root}/config:/app/config:ro", volumes);
        Assert.Contains($"{Repository.Root}/seeds:/app/seeds:ro", volumes);
        Assert.Equal("8080", Text(((YamlMappingNode)((YamlSequenceNode)calendar["ports"])[0])["target"]));
        Assert.Contains("http://localhost:8080/health", ((YamlSequenceNode)((YamlMappingNode)calendar["healthcheck"])["test"]).Select(Text));
        Assert.Equal("service_healthy", Text(((YamlMappingNode)((YamlMappingNode)calendar["depends_on"])["mailpit"])["condition"]));

        Assert.StartsWith("axllent/mailpit", Text(mailpit["image"]), StringComparison.Ordinal);
        Assert.Equal("8025", Text(((YamlMappingNode)((YamlSequenceNode)mailpit["ports"])[0])["target"]));
        Assert.Contains("1025", ((YamlSequenceNode)mailpit["expose"]).Select(Text));
        Assert.Contains("readyz", ((YamlSequenceNode)((YamlMappingNode)mailpit["healthcheck"])["test"]).Select(Text));
    }

    [Fact]
    public async Task WithoutTheAdminKey_ComposeRefusesToStart()
    {
        var (exitCode, _, error) = await ComposeConfigAsync(new Dictionary<string, string> { ["CALENDAR_SIGNING_SECRET"] = "x" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("set CALENDAR_ADMIN_API_KEY", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheImage_RunsUnprivilegedOn8080_WithConfigSeedsADataVolumeAndAHealthCheck()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "Dockerfile")).Select(line => line.Trim()).ToList();

        Assert.Contains("USER app", lines);
        Assert.Contains("COPY config/ config/", lines);
        Assert.Contains("COPY seeds/ seeds/", lines);
        Assert.Contains("VOLUME /app/data", lines);
        Assert.Contains("EXPOSE 8080", lines);
        Assert.Contains(lines, line => line.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("http://localhost:8080/health", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("ASPNETCORE_HTTP_PORTS=8080", StringComparison.Ordinal));
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static async Task<(int ExitCode, string Output, string Error)> ComposeConfigAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("docker-compose")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-f", "docker-compose.yml", "config" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "CALENDAR_ADMIN_API_KEY", "CALENDAR_SIGNING_SECRET", "CALENDAR_PUBLIC_BASE_URL" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"docker-compose is not installed ({e.Message}): run tests/run.sh, or `sudo apt-get install docker-compose`.");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await output, await error);
        }
    }
}
