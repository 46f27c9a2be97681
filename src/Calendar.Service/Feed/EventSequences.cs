using Calendar.Service.Storage;
using Dapper;

namespace Calendar.Service.Feed;

/// <summary>The SEQUENCE of every event ever published, kept in the database: it survives restarts and every replica reads the same.</summary>
/// <remarks>
/// RFC 5545 §3.8.7.4: SEQUENCE starts at 0 and rises each time the organizer makes a significant revision;
/// clients such as Outlook and Apple Calendar ignore a changed event whose SEQUENCE did not rise. The feed is
/// computed, not edited, so a revision is detected: each UID's content hash is stored, and a different hash
/// raises the SEQUENCE by one, in one atomic upsert, so that replicas meeting the same change at once raise it
/// once. Nothing is ever lowered or deleted, so a UID that leaves the feed and comes back keeps counting. Nothing
/// is cached in memory: a replica that missed a change in between (an edit undone elsewhere) reads where the
/// count stands instead of handing out an old number. Replicas holding different facts for a moment (a rolling
/// edit) may raise a SEQUENCE more than once; it still never goes down.
/// </remarks>
internal sealed class EventSequences(CalendarDatabase database)
{
    /// <summary>UIDs per statement: one parameter (a JSON array or an array) however many, so a feed's batch is a statement or two.</summary>
    private const int Chunk = 2000;

    /// <summary>The SEQUENCE of each event, recording the events that are new or changed.</summary>
    /// <remarks>
    /// A few statements per <see cref="Chunk"/> events, never one per event: a world-sized feed has 130,000 of them,
    /// and on PostgreSQL each statement is a round trip.
    /// </remarks>
    public IReadOnlyDictionary<string, int> Assign(IReadOnlyList<FeedEvent> events)
    {
        using var connection = database.Open();
        var hashes = new Dictionary<string, string>(events.Count, StringComparer.Ordinal);
        foreach (var feedEvent in events)
        {
            hashes.TryAdd(feedEvent.Uid, feedEvent.ContentHash);
        }

        var known = Read(connection, null, hashes.Keys);
        var changed = hashes.Where(pair => !known.TryGetValue(pair.Key, out var row) || row.Hash != pair.Value).ToList();
        if (changed.Count > 0)
        {
            // Written before the feed is served: a SEQUENCE a client has seen is never handed out again for other content.
            using var transaction = connection.BeginTransaction();
            foreach (var chunk in changed.Chunk(Chunk))
            {
                foreach (var row in connection.Query<(string Uid, string Hash, int Sequence)>(
                    $"""
                    INSERT INTO feed_event_sequences (uid, content_hash, sequence)
                    SELECT first, second, 0 FROM {database.Dialect.TextPairs("@rows")} WHERE true
                    ON CONFLICT (uid) DO UPDATE SET content_hash = excluded.content_hash, sequence = feed_event_sequences.sequence + 1
                    WHERE feed_event_sequences.content_hash <> excluded.content_hash
                    RETURNING uid, content_hash, sequence
                    """,
                    new { rows = SqlDialect.Pairs(chunk.Select(pair => (pair.Key, pair.Value))) },
                    transaction))
                {
                    known[row.Uid] = (row.Hash, row.Sequence);
                }
            }

            // A replica that met the same change a moment before raised it already, and the upsert returned nothing.
            var raisedElsewhere = changed.Where(pair => known.GetValueOrDefault(pair.Key).Hash != pair.Value).Select(pair => pair.Key).ToList();
            foreach (var (uid, row) in Read(connection, transaction, raisedElsewhere))
            {
                known[uid] = row;
            }

            transaction.Commit();
        }

        var assigned = new Dictionary<string, int>(events.Count, StringComparer.Ordinal);
        foreach (var feedEvent in events)
        {
            assigned[feedEvent.Uid] = known[feedEvent.Uid].Sequence;
        }

        return assigned;
    }

    private Dictionary<string, (string Hash, int Sequence)> Read(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, IEnumerable<string> uids)
    {
        var known = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var chunk in uids.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            foreach (var row in connection.Query<(string Uid, string Hash, int Sequence)>(
                $"SELECT uid, content_hash, sequence FROM feed_event_sequences WHERE uid {database.Dialect.InTexts("@chunk")}", new { chunk = database.Dialect.Texts(chunk) }, transaction))
            {
                known[row.Uid] = (row.Hash, row.Sequence);
            }
        }

        return known;
    }
}
