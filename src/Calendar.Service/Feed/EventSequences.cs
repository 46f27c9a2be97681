using Calendar.Service.Storage;

namespace Calendar.Service.Feed;

/// <summary>The SEQUENCE of every event ever published, kept in the database so that it survives restarts.</summary>
/// <remarks>
/// RFC 5545 §3.8.7.4: SEQUENCE starts at 0 and rises each time the organizer makes a significant revision;
/// clients such as Outlook and Apple Calendar ignore a changed event whose SEQUENCE did not rise. The feed is
/// computed, not edited, so a revision is detected: each UID's content hash is stored, and a different hash
/// raises the SEQUENCE by one. Nothing is ever lowered or deleted, so a UID that leaves the feed and comes back
/// keeps counting.
/// </remarks>
internal sealed class EventSequences(CalendarDatabase database)
{
    public const string MigrationId = "feed-001-event-sequences";

    public const string Schema = """
        CREATE TABLE feed_event_sequences (
            uid TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            sequence INTEGER NOT NULL
        )
        """;

    private readonly Lock _lock = new();
    private Dictionary<string, (string Hash, int Sequence)>? _known;

    /// <summary>The SEQUENCE of each event, recording the events that are new or changed.</summary>
    /// <remarks>Serialized: feeds for different filters share events and may be built at the same time.</remarks>
    public IReadOnlyDictionary<string, int> Assign(IReadOnlyList<FeedEvent> events)
    {
        lock (_lock)
        {
            _known ??= Load();
            var assigned = new Dictionary<string, int>(events.Count, StringComparer.Ordinal);
            var changed = new List<(string Uid, string Hash, int Sequence)>();
            foreach (var feedEvent in events)
            {
                var hash = feedEvent.ContentHash;
                var sequence = _known.TryGetValue(feedEvent.Uid, out var known)
                    ? known.Hash == hash ? known.Sequence : known.Sequence + 1
                    : 0;
                if (known.Hash != hash)
                {
                    changed.Add((feedEvent.Uid, hash, sequence));
                }

                assigned[feedEvent.Uid] = sequence;
            }

            Save(changed);
            return assigned;
        }
    }

    private Dictionary<string, (string Hash, int Sequence)> Load()
    {
        var known = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT uid, content_hash, sequence FROM feed_event_sequences";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            known[reader.GetString(0)] = (reader.GetString(1), reader.GetInt32(2));
        }

        return known;
    }

    private void Save(List<(string Uid, string Hash, int Sequence)> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        // Written before the feed is served: a SEQUENCE a client has seen is never handed out again for other content.
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO feed_event_sequences (uid, content_hash, sequence) VALUES ($uid, $hash, $sequence)
            ON CONFLICT (uid) DO UPDATE SET content_hash = excluded.content_hash, sequence = excluded.sequence
            """;
        var uid = command.Parameters.Add("$uid", Microsoft.Data.Sqlite.SqliteType.Text);
        var hash = command.Parameters.Add("$hash", Microsoft.Data.Sqlite.SqliteType.Text);
        var sequence = command.Parameters.Add("$sequence", Microsoft.Data.Sqlite.SqliteType.Integer);
        foreach (var row in changed)
        {
            (uid.Value, hash.Value, sequence.Value) = (row.Uid, row.Hash, row.Sequence);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        foreach (var row in changed)
        {
            _known![row.Uid] = (row.Hash, row.Sequence);
        }
    }
}
