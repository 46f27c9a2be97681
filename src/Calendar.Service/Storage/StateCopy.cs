using System.Data.Common;
using Dapper;

namespace Calendar.Service.Storage;

/// <summary>Copies every table of state from one database into another (SQLite into PostgreSQL), rows and ids as they are, in one transaction.</summary>
/// <remarks>
/// Both are migrated to this build's schema first, so their columns are the same. Moving to a cluster must not reset
/// a SEQUENCE (clients would ignore every later change), resend a reminder the ledger holds, or break a link that
/// carries a subscription's id and was signed with the old secret.
/// </remarks>
internal static class StateCopy
{
    /// <summary>The tables that hold state, parents before the rows that refer to them.</summary>
    public static readonly IReadOnlyList<string> Tables =
        ["subscriptions", "reminder_ledger", "feed_event_sequences", "feed_generation", "self_service_mail_counts", "service_secrets"];

    /// <summary>Rows per INSERT: few round trips, well under PostgreSQL's 65,535 parameters.</summary>
    private const int Batch = 500;

    /// <summary>How many rows each table holds.</summary>
    public static IReadOnlyList<(string Table, long Rows)> Count(DbConnection connection, DbTransaction? transaction = null) =>
        [.. Tables.Select(table => (table, connection.ExecuteScalar<long>($"SELECT count(*) FROM {table}", transaction: transaction)))];

    /// <summary>
    /// Copies <paramref name="source"/>'s state into <paramref name="target"/>, which must hold none unless
    /// <paramref name="replace"/> (then what it held is deleted first); <paramref name="secret"/>, when given, becomes
    /// the target's signing secret. All or nothing. Returns the rows copied per table, or null when the target holds state.
    /// </summary>
    public static IReadOnlyList<(string Table, long Rows)>? Copy(CalendarDatabase source, CalendarDatabase target, bool replace, Action<DbConnection, DbTransaction>? secret)
    {
        source.Migrate();
        target.Migrate();
        using var from = source.Open();
        using var to = target.Open();
        using var transaction = to.BeginTransaction();
        if (target.Dialect.MigrationLock is { } takeLock)
        {
            // Neither a starting replica's migration nor a second copy runs meanwhile.
            to.Execute(takeLock, transaction: transaction);
        }

        if (replace)
        {
            foreach (var table in Tables.Reverse())
            {
                to.Execute($"DELETE FROM {table}", transaction: transaction);
            }
        }
        else if (Count(to, transaction).Any(held => held.Rows > 0))
        {
            return null;
        }

        var copied = Tables.Select(table => (table, (long)CopyTable(from, to, transaction, table))).ToList();
        secret?.Invoke(to, transaction);
        if (target.Provider == DatabaseProvider.Postgres)
        {
            // The ids came along (signed links carry them): new subscriptions continue after the highest.
            to.Execute(
                "SELECT setval(pg_get_serial_sequence('subscriptions', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM subscriptions), false)",
                transaction: transaction);
        }

        transaction.Commit();
        if (target.Provider == DatabaseProvider.Postgres)
        {
            // Statistics now rather than from autovacuum a minute later: without them the planner takes the filled
            // tables for empty and scans them whole (a run's page of subscriptions: 5 to 10 ms instead of 0.2).
            to.Execute($"ANALYZE {string.Join(", ", Tables)}");
        }

        return copied;
    }

    private static int CopyTable(DbConnection from, DbConnection to, DbTransaction transaction, string table)
    {
        var rows = from.Query($"SELECT * FROM {table}").Cast<IDictionary<string, object?>>().ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        var columns = rows[0].Keys.ToList();
        foreach (var batch in rows.Chunk(Batch))
        {
            var parameters = new DynamicParameters();
            var values = new List<string>(batch.Length);
            for (var i = 0; i < batch.Length; i++)
            {
                var names = columns.Select((column, j) => $"@p{i}_{j}").ToList();
                for (var j = 0; j < columns.Count; j++)
                {
                    parameters.Add(names[j], batch[i][columns[j]]);
                }

                values.Add($"({string.Join(", ", names)})");
            }

            to.Execute($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", values)}", parameters, transaction);
        }

        return rows.Count;
    }
}
