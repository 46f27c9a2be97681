using Calendar.Service.Storage;

namespace Calendar.Service.Feed;

/// <summary>The feed's tables, step by step (see <see cref="Migration"/>: a step that has shipped is never edited).</summary>
internal static class FeedSchema
{
    /// <summary>Each UID's content hash and SEQUENCE (<see cref="EventSequences"/>).</summary>
    public static readonly Migration Sequences = new(
        "feed-001-event-sequences",
        """
        CREATE TABLE feed_event_sequences (
            uid TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            sequence INTEGER NOT NULL
        )
        """);

    /// <summary>The first design, a row per filter ever asked for; dropped by <see cref="Generation"/>.</summary>
    public static readonly Migration PerFilter = new(
        "feed-002-feed-changes",
        """
        CREATE TABLE feed_changes (
            filter_key TEXT PRIMARY KEY,
            etag TEXT NOT NULL,
            changed_at INTEGER NOT NULL
        )
        """);

    /// <summary>One row for every filter: the generation in service and when it went in (<see cref="FeedChanges"/>), in Unix seconds.</summary>
    public static readonly Migration Generation = new(
        "feed-003-feed-generation",
        """
        DROP TABLE feed_changes;
        CREATE TABLE feed_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation TEXT NOT NULL,
            changed_at INTEGER NOT NULL
        )
        """,
        // PostgreSQL's INTEGER is 32 bits: Unix seconds need BIGINT (SQLite's INTEGER is 64 bits already).
        """
        DROP TABLE feed_changes;
        CREATE TABLE feed_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation TEXT NOT NULL,
            changed_at BIGINT NOT NULL
        )
        """);

    public static IEnumerable<Migration> All => [Sequences, PerFilter, Generation];
}
