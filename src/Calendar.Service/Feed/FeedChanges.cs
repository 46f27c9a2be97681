using Calendar.Service.Storage;
using NodaTime;

namespace Calendar.Service.Feed;

/// <summary>When each filter's feed last changed its bytes: the HTTP <c>Last-Modified</c>, kept in the database.</summary>
/// <remarks>
/// The facts files' modification time is not enough for <c>If-Modified-Since</c>: the bytes also change when the
/// horizon moves on at new year, when the configuration or the service's own output changes, and when a facts
/// file is restored with an older time (<c>rsync -a</c>, <c>tar</c>). Any of those would answer 304 to a stale copy.
/// So the ETag each filter last served is recorded, and a different ETag moves <c>Last-Modified</c> to now, never
/// backwards and always at least a second on (HTTP dates have whole seconds). Unchanged bytes keep their date
/// across restarts.
/// </remarks>
internal sealed class FeedChanges(CalendarDatabase database)
{
    public const string MigrationId = "feed-002-feed-changes";

    public const string Schema = """
        CREATE TABLE feed_changes (
            filter_key TEXT PRIMARY KEY,
            etag TEXT NOT NULL,
            changed_at INTEGER NOT NULL
        )
        """;

    private readonly Lock _lock = new();

    /// <summary>
    /// When the feed for <paramref name="filterKey"/> began to have the bytes tagged <paramref name="etag"/>: now, or
    /// <paramref name="earliest"/> (the facts' modification time) if that is later, unless the tag is the one on record.
    /// </summary>
    public Instant Record(string filterKey, string etag, Instant now, Instant earliest)
    {
        lock (_lock)
        {
            using var connection = database.Open();
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT etag, changed_at FROM feed_changes WHERE filter_key = $key";
            query.Parameters.AddWithValue("$key", filterKey);
            (string Etag, Instant ChangedAt)? known = null;
            using (var reader = query.ExecuteReader())
            {
                if (reader.Read())
                {
                    known = (reader.GetString(0), Instant.FromUnixTimeSeconds(reader.GetInt64(1)));
                }
            }

            if (known is { } same && same.Etag == etag)
            {
                return same.ChangedAt;
            }

            var changedAt = Instant.Max(Seconds(now), Seconds(earliest));
            if (known is { } previous && changedAt <= previous.ChangedAt)
            {
                changedAt = previous.ChangedAt.Plus(Duration.FromSeconds(1));
            }

            using var upsert = connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO feed_changes (filter_key, etag, changed_at) VALUES ($key, $etag, $at)
                ON CONFLICT (filter_key) DO UPDATE SET etag = excluded.etag, changed_at = excluded.changed_at
                """;
            upsert.Parameters.AddWithValue("$key", filterKey);
            upsert.Parameters.AddWithValue("$etag", etag);
            upsert.Parameters.AddWithValue("$at", changedAt.ToUnixTimeSeconds());
            upsert.ExecuteNonQuery();
            return changedAt;
        }
    }

    private static Instant Seconds(Instant instant) => Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
}
