using System.Text.Json;
using Calendar.Service.Tests.Storage;

namespace Calendar.Service.Tests.Replicas;

/// <summary>
/// Replicas of the service as a ministry runs them: one PostgreSQL database, one facts folder, one signing secret and
/// one admin key, each replica with a name, a port and a data folder of its own.
/// </summary>
/// <remarks>
/// Short cluster timings through configuration, the same keys an operator sets, so that a dead node is written off
/// within seconds: check-in every second, written off two seconds later.
/// </remarks>
internal sealed class ReplicaSet : IAsyncDisposable
{
    public const string AdminKey = "replica-test-admin-key";

    private readonly TempFolder _folder = new();
    private readonly List<Replica> _started = [];
    private readonly Dictionary<string, string> _environment;

    private ReplicaSet(string connectionString)
    {
        ConnectionString = connectionString;
        Directory.CreateDirectory(FactsPath);
        WriteSettings();
        _environment = new()
        {
            ["Calendar__Database__Provider"] = "Postgres",
            ["Calendar__Database__ConnectionString"] = PostgresServer.ForServiceProcess(connectionString),
            ["Calendar__FactsPath"] = FactsPath,
            ["Calendar__FactsPollInterval"] = "00:00:01",
            ["Calendar__TimeZone"] = "Etc/UTC",
            ["Calendar__SigningSecret"] = "replica-test-signing-secret-0123456789abcdef",
            ["Calendar__AdminApiKey"] = AdminKey,
            ["Calendar__PublicBaseUrl"] = "http://calendar.test/",
            ["Calendar__Cluster__CheckinInterval"] = "00:00:01",
            ["Calendar__Cluster__CheckinMisfireThreshold"] = "00:00:02",
        };
    }

    /// <summary>The database the replicas share (a fresh one per set).</summary>
    public string ConnectionString { get; }

    /// <summary>The facts folder the replicas share, as a mounted volume would be.</summary>
    public string FactsPath => Path.Combine(_folder.Path, "facts");

    /// <summary>Every replica started so far, running or not.</summary>
    public IReadOnlyList<Replica> Started => _started;

    public static async Task<ReplicaSet> CreateAsync() => new(await PostgresServer.CreateDatabaseAsync());

    /// <summary>Sets an environment variable for the replicas started from now on (<c>Calendar__Reminders__Interval</c>).</summary>
    public ReplicaSet With(string variable, string value)
    {
        _environment[variable] = value;
        return this;
    }

    /// <summary>Writes <c>config/appsettings.json</c> in the replicas' working directory, as a mounted <c>config/</c> would hold it.</summary>
    /// <remarks>
    /// Warnings only, per category as <c>config/appsettings.json</c> says it: the host's own filter (Startup) lets
    /// everything through once started, and only a category's rule is more specific than it. Otherwise each replica
    /// logs every SQL statement of the cluster's check-in, every second.
    /// </remarks>
    public void WriteSettings(object? calendar = null) =>
        _folder.Write(Path.Combine("config", "appsettings.json"), JsonSerializer.Serialize(new
        {
            Logging = new { LogLevel = new Dictionary<string, string> { ["Default"] = "Warning", ["Microsoft"] = "Warning", ["Quartz"] = "Warning", ["Calendar"] = "Warning", ["Npgsql"] = "Warning" } },
            Calendar = calendar ?? new { },
        }));

    public void WriteFacts(string name, string yaml) => File.WriteAllText(Path.Combine(FactsPath, name), yaml);

    /// <summary>Starts a replica; its data folder (outbox, logs of its own) is named after it and kept across its restarts.</summary>
    public async Task<Replica> StartAsync(string name)
    {
        var environment = new Dictionary<string, string>(_environment) { ["Calendar__DataPath"] = Path.Combine(_folder.Path, "data-" + name) };
        var replica = await Replica.StartAsync(name, _folder.Path, environment);
        lock (_started)
        {
            _started.Add(replica);
        }

        return replica;
    }

    /// <summary>Starts replicas at the same moment, as an orchestrator does.</summary>
    public async Task<Replica[]> StartAllAsync(params string[] names) => await Task.WhenAll(names.Select(StartAsync));

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _started)
        {
            await replica.DisposeAsync();
            // What each process said, for the test's output when it fails: the last lines are the telling ones.
            var lines = replica.Output.Split('\n');
            TestContext.Current.TestOutputHelper?.WriteLine($"--- {replica}, last lines of its output:\n{string.Join('\n', lines.TakeLast(60))}");
        }

        _folder.Dispose();
    }
}
