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

    /// <summary>A SEQUENCE per UID and language: one event, three wordings, and switching language never looks like a revision.</summary>
    /// <remarks>The key grows a column, which SQLite cannot add to a primary key: a new table, the old rows as English, renamed into place.</remarks>
    public static readonly Migration SequencesPerLanguage = new(
        "feed-004-event-sequences-per-language",
        """
        CREATE TABLE feed_event_sequences_by_language (
            uid TEXT NOT NULL,
            language TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            PRIMARY KEY (uid, language)
        );
        INSERT INTO feed_event_sequences_by_language (uid, language, content_hash, sequence)
            SELECT uid, 'en', content_hash, sequence FROM feed_event_sequences;
        DROP TABLE feed_event_sequences;
        ALTER TABLE feed_event_sequences_by_language RENAME TO feed_event_sequences
        """);

    public static IEnumerable<Migration> All => [Sequences, PerFilter, Generation, SequencesPerLanguage];
}
