using Dapper;

namespace Calendar.Service.Storage;

/// <summary>Applies the schema steps a database lacks, all in one transaction under a lock, and refuses a newer database.</summary>
/// <remarks>
/// PostgreSQL: a transaction-scoped advisory lock, so that replicas starting together wait for the first, then find
/// every step applied; its DDL is transactional, so a failed step leaves nothing half done. SQLite:
/// <c>BEGIN IMMEDIATE</c>, one writer at a time.
/// </remarks>
internal sealed class SchemaMigrations(CalendarDatabase database, IEnumerable<Migration> migrations)
{
    private const string Table = "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)";

    /// <summary>The ids of the steps applied now, in order.</summary>
    public IReadOnlyList<string> Apply()
    {
        var known = migrations.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        using var connection = database.Open();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // Persistent in the file; it cannot change inside a transaction.
            connection.Execute("PRAGMA journal_mode = WAL");
        }

        using var transaction = connection.BeginTransaction();
        if (database.Dialect.MigrationLock is { } takeLock)
        {
            connection.Execute(takeLock, transaction: transaction);
        }

        connection.Execute(Table, transaction: transaction);
        var applied = connection.Query<string>("SELECT id FROM schema_migrations", transaction: transaction).ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Except(known.Select(m => m.Id)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseTooNewException(database.Description, unknown);
        }

        var done = new List<string>();
        foreach (var migration in known.Where(m => !applied.Contains(m.Id)))
        {
            connection.Execute(migration.SqlFor(database.Provider), transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @now)",
                new { id = migration.Id, now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) },
                transaction);
            done.Add(migration.Id);
        }

        transaction.Commit();
        return done;
    }
}

/// <summary>The database was migrated by a newer build: this one would not know its schema, so it does not start.</summary>
internal sealed class DatabaseTooNewException(string database, IReadOnlyList<string> unknown) : Exception(
    $"The {database} holds schema step(s) this build does not know: {string.Join(", ", unknown)}. A newer version of the service " +
    "migrated it, and migrations never run backwards: run that version (or newer), or restore a backup taken before it.")
{
    public IReadOnlyList<string> Unknown { get; } = unknown;
}
