using System.Text.Json;
using Calendar.Service.Tests.Storage;
using Npgsql;

namespace Calendar.Service.Tests.Health;

/// <summary><c>/health</c>'s node check: which replica answers, whether it reaches the database, and what a load balancer should make of it.</summary>
public class NodeHealthTests
{
    [Fact]
    public async Task Health_NamesTheNodeFromCalendarNodeName_OnSqliteOnItsOwn()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path).With("Calendar:NodeName", "calendar-7");

        var (status, health) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        var node = health.GetProperty("checks").GetProperty("node");
        Assert.Equal("Healthy", node.GetProperty("status").GetString());
        Assert.Equal("Node calendar-7, on its own: the database is reachable.", node.GetProperty("description").GetString());
        Assert.Equal("calendar-7", node.GetProperty("data").GetProperty("node").GetString());
        Assert.Equal("reachable", node.GetProperty("data").GetProperty("database").GetString());
        Assert.False(node.GetProperty("data").GetProperty("clustered").GetBoolean());
        Assert.False(node.GetProperty("data").GetProperty("sendingReminders").GetBoolean());
    }

    [Fact]
    public async Task WithoutANodeName_TheNodeIsNamedAfterItsHostAndProcess()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path);

        var (_, health) = await HealthAsync(app);

        var expected = $"{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}";
        Assert.Equal(expected, health.GetProperty("checks").GetProperty("node").GetProperty("data").GetProperty("node").GetString());
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("-leading-hyphen")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789xxxx")]
    public async Task ANodeNameThatCannotBeAnInstanceIdOrAHostName_StopsTheStart_NamingTheKey(string name)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());

        var (exitCode, _, error) = await ServiceProcess.RunAsync(
            facts.Path, "--urls", "http://127.0.0.1:0", $"--Calendar:FactsPath={facts.Path}", $"--Calendar:DataPath={facts.Path}/data", $"--Calendar:NodeName={name}");

        Assert.Equal(1, exitCode);
        Assert.Contains("Calendar:NodeName must be 1 to 63 letters, digits, dots or hyphens", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseThatCannotBeReached_IsDegradedNotUnhealthy_ThePageStillServes_AndItRecovers()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path)
            .With("Calendar:NodeName", "calendar-1")
            .With("Calendar:Database:Provider", "Postgres")
            .With("Calendar:Database:ConnectionString", connectionString);
        Assert.Equal("Healthy", (await HealthAsync(app)).Health.GetProperty("checks").GetProperty("node").GetProperty("status").GetString());
        using var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("calendar.ics", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        // The database refuses every connection, this node's included, as a server that is down does. Allowed again
        // whatever happens: a host cannot stop while Quartz's store waits for its database (quartznet issue 656).
        await AdministerAsync(connectionString, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false",
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        try
        {
            var (status, health) = await Eventually.Get(() => HealthAsync(app), answer => Node(answer.Health).GetProperty("status").GetString() != "Healthy",
                "the node check to notice that the database is gone", TimeSpan.FromSeconds(30));

            // 200, not 503: every replica shares the database, so a load balancer that dropped this one would drop them all.
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", Node(health).GetProperty("status").GetString());
            Assert.StartsWith("unreachable: ", Node(health).GetProperty("data").GetProperty("database").GetString(), StringComparison.Ordinal);
            Assert.Contains("the database cannot be reached", Node(health).GetProperty("description").GetString(), StringComparison.Ordinal);
            // What is in memory still answers: the page and the upcoming API.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("api/events/upcoming", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }
        finally
        {
            await AdministerAsync(connectionString, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS true");
        }

        await Eventually.Get(() => HealthAsync(app), answer => Node(answer.Health).GetProperty("status").GetString() == "Healthy",
            "the node check to see the database again", TimeSpan.FromSeconds(60));
    }

    private static JsonElement Node(JsonElement health) => health.GetProperty("checks").GetProperty("node");

    private static async Task<(HttpStatusCode Status, JsonElement Health)> HealthAsync(CalendarApplication app)
    {
        using var client = app.CreateHttpClient();
        using var response = await client.GetAsync(new Uri("health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>Runs statements as the server's administrator, from the maintenance database.</summary>
    private static async Task AdministerAsync(string connectionString, params string[] statements)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }
}
