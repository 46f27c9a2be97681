using Calendar.Service.Storage;
using Dapper;
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
/// <para>
/// Replicas share the row. Each keeps the date of the generation it serves and asks the database again at most once a
/// second (<see cref="Recheck"/>), so that a poll costs no query, and replicas serving the same generation agree on
/// its date within a second, even after one of them moved it on (an edit undone on one replica only).
/// </para>
/// </remarks>
internal sealed class FeedChanges(CalendarDatabase database, TimeProvider time)
{
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private volatile Recorded? _current;

    /// <summary>When the feeds of <paramref name="generation"/> went into service, recording it at <paramref name="now"/> if it is new.</summary>
    /// <remarks>May be later than <paramref name="now"/> when generations alternate within a second: callers never send a date after their own.</remarks>
    public Instant Record(string generation, Instant now)
    {
        // Read without the lock: every poll asks, and 32 connections polling at once queued on it.
        if (_current is { } known && known.Generation == generation && time.GetElapsedTime(known.ReadAt) < Recheck)
        {
            return known.ChangedAt;
        }

        lock (_lock)
        {
            if (_current is { } current && current.Generation == generation && time.GetElapsedTime(current.ReadAt) < Recheck)
            {
                return current.ChangedAt;
            }

            var readAt = time.GetTimestamp();
            using var connection = database.Open();
            var stored = connection.QuerySingleOrDefault<(string Generation, long ChangedAt)?>("SELECT generation, changed_at FROM feed_generation WHERE id = 1");
            if (stored is not { } row || row.Generation != generation)
            {
                using var transaction = connection.BeginTransaction();
                // One atomic statement that never moves the date back, whichever replica gets there first.
                connection.Execute(
                    """
                    INSERT INTO feed_generation (id, generation, changed_at) VALUES (1, @generation, @now)
                    ON CONFLICT (id) DO UPDATE SET
                        generation = excluded.generation,
                        changed_at = CASE WHEN feed_generation.changed_at < excluded.changed_at
                                          THEN excluded.changed_at ELSE feed_generation.changed_at + 1 END
                    WHERE feed_generation.generation <> excluded.generation
                    """,
                    new { generation, now = now.ToUnixTimeSeconds() },
                    transaction);
                row = connection.QuerySingle<(string, long)>("SELECT generation, changed_at FROM feed_generation WHERE id = 1", transaction: transaction);
                transaction.Commit();
            }

            var changedAt = Instant.FromUnixTimeSeconds(row.ChangedAt);
            _current = new Recorded(generation, changedAt, readAt);
            return changedAt;
        }
    }

    private sealed record Recorded(string Generation, Instant ChangedAt, long ReadAt);
}
