using System.Text.Json;

namespace Calendar.Service.Storage;

/// <summary>Where SQLite and PostgreSQL need different SQL, named once; everything else the stores write runs on both.</summary>
/// <remarks>
/// Both accept <c>INSERT ... ON CONFLICT</c>, <c>RETURNING</c>, row values and <c>@parameters</c> (through Dapper).
/// Types read the same in both: <c>TEXT</c> (instants as ISO 8601 UTC, which sort), <c>INTEGER</c>/<c>BIGINT</c> and
/// 0/1 flags. Schema steps that must differ (an identity column, SQLite's <c>rowid</c>) carry a PostgreSQL variant
/// (<see cref="Migration.Postgres"/>).
/// </remarks>
internal sealed class SqlDialect(DatabaseProvider provider)
{
    /// <summary>
    /// Ends a <c>SELECT</c> that claims rows: PostgreSQL locks them until the transaction ends and passes over rows
    /// another node holds, instead of waiting for it. SQLite needs nothing: a write transaction (<c>BEGIN IMMEDIATE</c>)
    /// already has the file to itself.
    /// </summary>
    public string ForUpdateSkipLocked => provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";

    /// <summary>
    /// Compares a column with a list parameter: <c>WHERE id {In("@ids")}</c>. Dapper spells the list out for SQLite
    /// (<c>IN (@ids1, @ids2)</c>) but hands PostgreSQL one array, which only <c>= ANY</c> reads.
    /// </summary>
    public string In(string parameter) => provider == DatabaseProvider.Postgres ? $"= ANY({parameter})" : $"IN {parameter}";

    /// <summary>
    /// A list of texts as one parameter, whatever its length, for <see cref="InTexts"/>: a JSON array for SQLite, an
    /// array for PostgreSQL. Microsoft.Data.Sqlite binds each named parameter by a look-up that is linear in the
    /// statement's parameters, so a list spelt out as 500 parameters costs 250,000 comparisons a statement.
    /// </summary>
    public object Texts(IEnumerable<string> values) =>
        provider == DatabaseProvider.Postgres ? values.ToArray() : JsonSerializer.Serialize(values);

    /// <summary>Compares a column with a <see cref="Texts"/> parameter: <c>WHERE uid {InTexts("@uids")}</c>.</summary>
    public string InTexts(string parameter) =>
        provider == DatabaseProvider.Postgres ? $"= ANY({parameter})" : $"IN (SELECT value FROM json_each({parameter}))";

    /// <summary>Pairs of texts as one parameter, a JSON array of two-element arrays, for <see cref="TextPairs"/>.</summary>
    public static string Pairs(IEnumerable<(string First, string Second)> pairs) =>
        JsonSerializer.Serialize(pairs.Select(pair => new[] { pair.First, pair.Second }));

    /// <summary>
    /// The rows <c>(first, second)</c> of a <see cref="Pairs"/> parameter, as a table: one statement writes any number
    /// of rows (<c>INSERT ... SELECT first, second FROM {TextPairs("@rows")} WHERE true ON CONFLICT ...</c>; SQLite needs
    /// the <c>WHERE</c> to read <c>ON CONFLICT</c> as the upsert's).
    /// </summary>
    public string TextPairs(string parameter) => provider == DatabaseProvider.Postgres
        ? $"(SELECT r ->> 0 AS first, r ->> 1 AS second FROM jsonb_array_elements(CAST({parameter} AS jsonb)) AS r) AS pairs"
        : $"(SELECT json_extract(value, '$[0]') AS first, json_extract(value, '$[1]') AS second FROM json_each({parameter})) AS pairs";

    /// <summary>
    /// Takes the lock that makes schema steps run once however many replicas start at the same moment, for the
    /// transaction that is starting: a PostgreSQL advisory lock, released at commit. On SQLite the transaction itself
    /// (<c>BEGIN IMMEDIATE</c>) is the lock.
    /// </summary>
    public string? MigrationLock => provider == DatabaseProvider.Postgres ? $"SELECT pg_advisory_xact_lock({MigrationLockKey})" : null;

    /// <summary>
    /// Makes a connection's commits not wait for the disk: PostgreSQL then acknowledges one once it is in the server's
    /// log buffer. A client killed after that loses nothing; only the database server crashing in the next fraction of
    /// a second can take it back (postgresql.org/docs/current/wal-async-commit.html). Null on SQLite, whose
    /// connections <see cref="CalendarDatabase"/> opens with <c>synchronous = NORMAL</c> (the same trade).
    /// </summary>
    /// <remarks>For the session: Npgsql resets it (DISCARD ALL) before the pool hands the connection out again.</remarks>
    public string? AsynchronousCommit => provider == DatabaseProvider.Postgres ? "SET synchronous_commit = off" : null;

    /// <summary>
    /// Whether a process can write in two transactions at once: PostgreSQL locks rows, SQLite has one writer for the
    /// whole file (a second one waits for the first to commit).
    /// </summary>
    public bool WritersRunTogether => provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Whether each connection keeps its own cache of the database's pages, as SQLite's do (2 MB by default,
    /// <c>PRAGMA cache_size</c>); PostgreSQL's server keeps one for all. A write of many rows in key order other than
    /// the table's outgrows the small one, and reads its pages from the file again and again.
    /// </summary>
    public bool CachesPagesPerConnection => provider == DatabaseProvider.Sqlite;

    /// <summary>"calendar" in ASCII: any constant works, as long as every replica uses the same one.</summary>
    private const long MigrationLockKey = 0x63616c656e646172;
}
