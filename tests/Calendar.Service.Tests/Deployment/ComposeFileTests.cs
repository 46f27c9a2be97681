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
    public async Task TheDefaultProfile_RunsTheServiceAndMailpitOnly_WithNoDatabaseServer()
    {
        // No CALENDAR_POSTGRES_PASSWORD: the single service must not need the cluster's secret.
        var (exitCode, output, error) = await ComposeConfigAsync(Secrets);
        Assert.True(exitCode == 0, error);

        var services = (YamlMappingNode)Parse(output)["services"];
        var always = services.Children.Where(service => !((YamlMappingNode)service.Value).Children.ContainsKey("profiles")).Select(service => Text(service.Key));
        Assert.Equal(["calendar", "mailpit"], always.Order(StringComparer.Ordinal));
        var environment = (YamlMappingNode)((YamlMappingNode)services["calendar"])["environment"];
        Assert.DoesNotContain(environment.Children.Keys.Select(Text), key => key.StartsWith("Calendar__Database__", StringComparison.Ordinal));
        Assert.Equal(["cluster"], ((YamlSequenceNode)((YamlMappingNode)services["postgres"])["profiles"]).Select(Text));
    }

    [Fact]
    public async Task TheClusterProfile_RunsTwoNamedReplicasOnOnePostgres_BehindNginxOnTheSamePort()
    {
        var (exitCode, output, error) = await ComposeConfigAsync(new Dictionary<string, string>(Secrets) { ["CALENDAR_POSTGRES_PASSWORD"] = "test-postgres-password" }, "cluster");
        Assert.True(exitCode == 0, error);
        var services = (YamlMappingNode)Parse(output)["services"];

        var postgres = (YamlMappingNode)services["postgres"];
        Assert.StartsWith("postgres:", Text(postgres["image"]), StringComparison.Ordinal);
        Assert.Equal("test-postgres-password", Text(((YamlMappingNode)postgres["environment"])["POSTGRES_PASSWORD"]));
        Assert.Contains("postgres-data:/var/lib/postgresql/data:rw", ((YamlSequenceNode)postgres["volumes"]).Select(Text));
        Assert.Contains("pg_isready", ((YamlSequenceNode)((YamlMappingNode)postgres["healthcheck"])["test"]).Select(Text));

        var nginx = (YamlMappingNode)services["nginx"];
        var proxyAddress = Text(((YamlMappingNode)((YamlMappingNode)nginx["networks"])["cluster"])["ipv4_address"]);
        var upstream = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "nginx.conf"));
        var names = new List<string>();
        foreach (var name in new[] { "calendar-1", "calendar-2" })
        {
            var replica = (YamlMappingNode)services[name];
            var environment = (YamlMappingNode)replica["environment"];
            Assert.Equal(["cluster"], ((YamlSequenceNode)replica["profiles"]).Select(Text));
            Assert.Equal("Postgres", Text(environment["Calendar__Database__Provider"]));
            Assert.Equal("Host=postgres;Database=calendar;Username=calendar;Password=test-postgres-password", Text(environment["Calendar__Database__ConnectionString"]));
            Assert.Equal("service_healthy", Text(((YamlMappingNode)((YamlMappingNode)replica["depends_on"])["postgres"])["condition"]));
            Assert.Equal("test-signing-secret", Text(environment["Calendar__SigningSecret"]));
            Assert.Equal(proxyAddress, Text(environment["Calendar__ForwardedHeaders__KnownProxies__0"]));
            Assert.Contains($"{Repository.Root}/seeds:/app/seeds:ro", ((YamlSequenceNode)replica["volumes"]).Select(Text));
            Assert.False(replica.Children.ContainsKey("ports"), $"{name} is reached through nginx only");
            // nginx reaches it: a network in common, and a server line in its upstream.
            Assert.Contains("cluster", ((YamlMappingNode)replica["networks"]).Children.Keys.Select(Text));
            Assert.Contains($"server {name}:8080 ", upstream, StringComparison.Ordinal);
            Assert.Equal("service_healthy", Text(((YamlMappingNode)((YamlMappingNode)nginx["depends_on"])[name])["condition"]));
            names.Add(Text(environment["Calendar__NodeName"]));
        }

        Assert.Equal(["calendar-1", "calendar-2"], names);
        Assert.Contains($"{Repository.Root}/deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro", ((YamlSequenceNode)nginx["volumes"]).Select(Text));
        // The same host port as the single service: the two cannot run side by side by mistake.
        var published = (YamlMappingNode)((YamlSequenceNode)nginx["ports"])[0];
        Assert.Equal(Text(((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)services["calendar"])["ports"])[0])["published"]), Text(published["published"]));
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

    private static async Task<(int ExitCode, string Output, string Error)> ComposeConfigAsync(IReadOnlyDictionary<string, string> environment, string? profile = null)
    {
        var start = new ProcessStartInfo("docker-compose")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] profiles = profile is null ? [] : ["--profile", profile];
        foreach (var argument in new[] { "-f", "docker-compose.yml" }.Concat(profiles).Append("config"))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "CALENDAR_ADMIN_API_KEY", "CALENDAR_SIGNING_SECRET", "CALENDAR_PUBLIC_BASE_URL", "CALENDAR_POSTGRES_PASSWORD" })
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
