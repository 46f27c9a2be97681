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
    /// <summary>UIDs per query: well under SQLite's 32,766 parameters.</summary>
    private const int Chunk = 500;

    /// <summary>The SEQUENCE of each event, recording the events that are new or changed.</summary>
    public IReadOnlyDictionary<string, int> Assign(IReadOnlyList<FeedEvent> events)
    {
        using var connection = database.Open();
        var known = Read(connection, null, events.Select(e => e.Uid));
        var changed = events.Where(e => !known.TryGetValue(e.Uid, out var row) || row.Hash != e.ContentHash).ToList();
        if (changed.Count > 0)
        {
            // Written before the feed is served: a SEQUENCE a client has seen is never handed out again for other content.
            using var transaction = connection.BeginTransaction();
            connection.Execute(
                """
                INSERT INTO feed_event_sequences (uid, content_hash, sequence) VALUES (@uid, @hash, 0)
                ON CONFLICT (uid) DO UPDATE SET content_hash = excluded.content_hash, sequence = feed_event_sequences.sequence + 1
                WHERE feed_event_sequences.content_hash <> excluded.content_hash
                """,
                changed.Select(e => new { uid = e.Uid, hash = e.ContentHash }),
                transaction);
            foreach (var (uid, row) in Read(connection, transaction, changed.Select(e => e.Uid)))
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
                $"SELECT uid, content_hash, sequence FROM feed_event_sequences WHERE uid {database.Dialect.In("@chunk")}", new { chunk }, transaction))
            {
                known[row.Uid] = (row.Hash, row.Sequence);
            }
        }

        return known;
    }
}
