using Calendar.Service.Storage;
using NodaTime;

namespace Calendar.Service.Feed;

/// <summary>When the feeds last changed: the HTTP <c>Last-Modified</c>, one date for every filter, kept in the database.</summary>
/// <remarks>
/// <para>
/// A feed's bytes depend on its filter and on its generation (<see cref="FeedBuilder.GenerationOf"/>): the facts, the
/// horizon, the settings and the build. The facts files' modification time is not enough for <c>If-Modified-Since</c>:
/// the bytes also change when the horizon moves on at new year, when the configuration or the service's own output
/// changes, and when a facts file is restored with an older time (<c>rsync -a</c>, <c>tar</c>).
/// </para>
/// <para>
/// So the generation in service is recorded, and a different one moves <c>Last-Modified</c> to now, never backwards and
/// always at least a second on (HTTP dates have whole seconds); the same one keeps its date across restarts. Every
/// filter shares the one row, so a stranger's filters store nothing (a row per filter ever asked for grew 5.75 MB per
/// 2,000 filters). A filter whose bytes did not change with the generation gets a later date than it needs: a full 200
/// to <c>If-Modified-Since</c>, never a stale 304; the ETag stays exact. Returning to an earlier generation (an edit
/// undone) is a change too: SEQUENCE values rose in between.
/// </para>
/// </remarks>
internal sealed class FeedChanges(CalendarDatabase database)
{
    /// <summary>The first design, a row per filter ever asked for; dropped by <see cref="MigrationId"/>.</summary>
    public const string PerFilterMigrationId = "feed-002-feed-changes";

    public const string PerFilterSchema = """
        CREATE TABLE feed_changes (
            filter_key TEXT PRIMARY KEY,
            etag TEXT NOT NULL,
            changed_at INTEGER NOT NULL
        )
        """;

    public const string MigrationId = "feed-003-feed-generation";

    public const string Schema = """
        DROP TABLE feed_changes;
        CREATE TABLE feed_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation TEXT NOT NULL,
            changed_at INTEGER NOT NULL
        )
        """;

    private readonly Lock _lock = new();
    private (string Generation, Instant ChangedAt)? _current;

    /// <summary>When the feeds of <paramref name="generation"/> went into service, recording it at <paramref name="now"/> if it is new.</summary>
    /// <remarks>May be later than <paramref name="now"/> when generations alternate within a second: callers never send a date after their own.</remarks>
    public Instant Record(string generation, Instant now)
    {
        lock (_lock)
        {
            if (_current is { } current && current.Generation == generation)
            {
                return current.ChangedAt;
            }

            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();
            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            // One atomic statement that never moves the date back (PostgreSQL accepts it too, for replicas sharing it).
            upsert.CommandText = """
                INSERT INTO feed_generation (id, generation, changed_at) VALUES (1, $generation, $now)
                ON CONFLICT (id) DO UPDATE SET
                    generation = excluded.generation,
                    changed_at = CASE WHEN feed_generation.changed_at < excluded.changed_at
                                      THEN excluded.changed_at ELSE feed_generation.changed_at + 1 END
                WHERE feed_generation.generation <> excluded.generation
                """;
            upsert.Parameters.AddWithValue("$generation", generation);
            upsert.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
            upsert.ExecuteNonQuery();

            using var query = connection.CreateCommand();
            query.Transaction = transaction;
            query.CommandText = "SELECT changed_at FROM feed_generation WHERE id = 1";
            var changedAt = Instant.FromUnixTimeSeconds((long)query.ExecuteScalar()!);
            transaction.Commit();
            _current = (generation, changedAt);
            return changedAt;
        }
    }
}
