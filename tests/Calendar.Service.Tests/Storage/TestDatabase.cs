using Calendar.Service.Feed;
using Calendar.Service.Reminders;
using Calendar.Service.Storage;
using Calendar.Service.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Tests.Storage;

/// <summary>One empty database for one test, on either engine: the service's SQLite file, or a fresh PostgreSQL database.</summary>
/// <remarks>
/// The storage tests run as theories over <see cref="Providers"/>. <see cref="Replica"/> opens it as one more replica
/// would (its own connections, its own caches); <see cref="On"/> points a test host at it.
/// </remarks>
internal sealed class TestDatabase : IDisposable
{
    private readonly TempFolder _data = new();

    private TestDatabase(DatabaseProvider provider, string? connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public static TheoryData<string> Providers => [nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres)];

    public DatabaseProvider Provider { get; }

    /// <summary>PostgreSQL's connection string; null for SQLite.</summary>
    public string? ConnectionString { get; }

    /// <summary>The data folder (SQLite's calendar.db, the outbox, the signing secret).</summary>
    public string DataPath => _data.Path;

    public static async Task<TestDatabase> CreateAsync(string provider) => Enum.Parse<DatabaseProvider>(provider) switch
    {
        DatabaseProvider.Postgres => new TestDatabase(DatabaseProvider.Postgres, await PostgresServer.CreateDatabaseAsync()),
        _ => new TestDatabase(DatabaseProvider.Sqlite, null),
    };

    /// <summary>The database as a replica of the service opens it, with every schema step this build knows (and <paramref name="more"/>).</summary>
    public CalendarDatabase Replica(params Migration[] more) => new(
        Options.Create(new DatabaseOptions { Provider = Provider, ConnectionString = ConnectionString }),
        Options.Create(new CalendarOptions { DataPath = DataPath }),
        [.. FeedSchema.All, .. SubscriptionSchema.All, .. LedgerSchema.All, .. more],
        NullLogger<CalendarDatabase>.Instance);

    /// <summary>A migrated replica.</summary>
    public CalendarDatabase Migrated()
    {
        var database = Replica();
        database.Migrate();
        return database;
    }

    /// <summary>Points a test host at this database (and its data folder).</summary>
    public CalendarApplication On(CalendarApplication app)
    {
        app.With("Calendar:DataPath", DataPath).With("Calendar:Database:Provider", Provider.ToString());
        return ConnectionString is null ? app : app.With("Calendar:Database:ConnectionString", ConnectionString);
    }

    /// <summary>The settings that point the service's process at this database.</summary>
    public IReadOnlyDictionary<string, string> Environment => ConnectionString is null
        ? new Dictionary<string, string> { ["Calendar__DataPath"] = DataPath }
        : new Dictionary<string, string>
        {
            ["Calendar__DataPath"] = DataPath,
            ["Calendar__Database__Provider"] = "Postgres",
            ["Calendar__Database__ConnectionString"] = PostgresServer.ForServiceProcess(ConnectionString),
        };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
