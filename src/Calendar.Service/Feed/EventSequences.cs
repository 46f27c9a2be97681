using Calendar.Core;
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

    /// <summary>Events a build writes in one transaction at most: see <see cref="Session"/>.</summary>
    public const int CommitEvery = 16384;

    /// <summary>The page cache of a build's SQLite connection, in KiB: the UID index of a world-sized feed's events.</summary>
    private const int BuildCacheKibibytes = 8192;

    /// <summary>The SEQUENCE of each event in <paramref name="language"/>, recording the events that are new or changed.</summary>
    /// <remarks>Kept per UID and language: the Russian wording of an event is not a revision of its English one.</remarks>
    public IReadOnlyDictionary<string, int> Assign(IReadOnlyList<FeedEvent> events, Language language = Language.En)
    {
        using var session = Open(language);
        var assigned = session.Assign(events);
        session.Complete();
        return assigned;
    }

    /// <summary>A session for the events of one build, in rounds; nothing it wrote counts until <see cref="Session.Complete"/>.</summary>
    public Session Open(Language language = Language.En) => new(database, language.Tag());

    /// <summary>
    /// Assigns the SEQUENCEs of a build's rounds of events on one connection, in transactions of up to
    /// <see cref="CommitEvery"/> events written, the last committed by <see cref="Complete"/>, before the feed is served.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A few statements per <see cref="Chunk"/> events, never one per event: a world-sized feed has 130,000 of them,
    /// and on PostgreSQL each statement is a round trip.
    /// </para>
    /// <para>
    /// One transaction per round of a build cost more than its statements: each commit wrote the index pages its rows
    /// touched (rows in date order land all over an index by UID), and every few commits SQLite checkpointed its log
    /// with a disk sync. The world feed's first build spent 2.4 s committing 253 rounds. A writer that needs the file
    /// meanwhile waits for the next commit (SQLite's busy timeout), never for the whole build.
    /// </para>
    /// <para>
    /// On SQLite the session's connection gets a page cache that holds the table's index of UIDs while the build lasts:
    /// rows in date order insert all over it, and with SQLite's default of 2 MB the world feed's first build read the
    /// same pages from the file again and again. Its statements, replayed alone, took 0.7 s instead of 1.25 s, and the
    /// first request of the world feed 4.1 s instead of 4.5 s (bench/README.md). The connection goes back to the pool
    /// with the cache it had.
    /// </para>
    /// <para>
    /// A build expects its SEQUENCEs (<see cref="Expect"/>) rather than waiting for them to be written: they are read on a
    /// second connection (with the same cache) while the first writes those of the rounds before; a build with nothing
    /// to write (a restart, a small feed) reads on the first alone. The world feed's first request, in thirteen
    /// alternating pairs of runs: median 0.16 s sooner, and sooner in ten pairs.
    /// </para>
    /// </remarks>
    public sealed class Session : IDisposable
    {
        private readonly CalendarDatabase _database;
        private readonly string _language;
        private readonly System.Data.Common.DbConnection _connection;
        private readonly long? _cacheBefore;
        private System.Data.Common.DbConnection? _reader;
        private long? _readerCacheBefore;
        private System.Data.Common.DbTransaction? _transaction;
        private Task _recording = Task.CompletedTask;
        private volatile bool _unexpected;
        private int _written;

        public Session(CalendarDatabase database, string language)
        {
            (_database, _language) = (database, language);
            _connection = OpenForBuild(database, out _cacheBefore);
        }

        /// <summary>The SEQUENCE of each of <paramref name="events"/>, recording the events that are new or changed.</summary>
        public IReadOnlyDictionary<string, int> Assign(IReadOnlyList<FeedEvent> events)
        {
            // After what Expect is still recording: one connection, one statement at a time.
            _recording.GetAwaiter().GetResult();
            var hashes = HashesOf(events);
            var known = Read(_database, _connection, _transaction, _language, hashes.Keys);
            Record([.. hashes.Where(pair => !known.TryGetValue(pair.Key, out var row) || row.Hash != pair.Value)], known);
            var assigned = new Dictionary<string, int>(events.Count, StringComparer.Ordinal);
            foreach (var feedEvent in events)
            {
                assigned[feedEvent.Uid] = known[feedEvent.Uid].Sequence;
            }

            return assigned;
        }

        /// <summary>
        /// The SEQUENCE each of <paramref name="events"/> will get, as the database stands: the one recorded for its content,
        /// or one more than the last (0 for a new event). Recording the new and changed ones goes on in the background, in
        /// order; <see cref="Complete"/> waits for it, and says whether each got the SEQUENCE expected.
        /// </summary>
        /// <remarks>
        /// A build serializes its events while their SEQUENCEs are written, rather than after: writing them was most of a
        /// world-sized feed's first build. While the session's connection writes, the expectation is read on a second one,
        /// which does not see what this session has not committed yet: an event listed twice in one build could be
        /// expected wrongly, and the build would be made again. Otherwise only another replica recording the same event
        /// between the read and the write makes an expectation wrong.
        /// </remarks>
        public IReadOnlyDictionary<string, int> Expect(IReadOnlyList<FeedEvent> events)
        {
            if (_recording.IsFaulted)
            {
                _recording.GetAwaiter().GetResult();
            }

            var hashes = HashesOf(events);
            // The session's connection reads while it records nothing; a second one, while it does.
            var reader = _recording.IsCompleted ? _connection : _reader ??= OpenForBuild(_database, out _readerCacheBefore);
            var known = Read(_database, reader, ReferenceEquals(reader, _connection) ? _transaction : null, _language, hashes.Keys);
            var expected = new Dictionary<string, int>(hashes.Count, StringComparer.Ordinal);
            var changed = new List<KeyValuePair<string, string>>();
            foreach (var pair in hashes)
            {
                var isKnown = known.TryGetValue(pair.Key, out var row);
                expected[pair.Key] = !isKnown ? 0 : row.Hash == pair.Value ? row.Sequence : row.Sequence + 1;
                if (!isKnown || row.Hash != pair.Value)
                {
                    changed.Add(pair);
                }
            }

            if (changed.Count > 0)
            {
                var before = _recording;
                _recording = Task.Run(async () =>
                {
                    await before;
                    Record(changed, known);
                    if (changed.Any(pair => known[pair.Key].Sequence != expected[pair.Key]))
                    {
                        _unexpected = true;
                    }
                });
            }

            return expected;
        }

        /// <summary>Writes the SEQUENCEs of <paramref name="changed"/> events, and puts what the database recorded for them in <paramref name="known"/>.</summary>
        private void Record(List<KeyValuePair<string, string>> changed, Dictionary<string, (string Hash, int Sequence)> known)
        {
            if (changed.Count == 0)
            {
                return;
            }

            // Written before the feed is served: a SEQUENCE a client has seen is never handed out again for other content.
            _transaction ??= _connection.BeginTransaction();
            foreach (var chunk in changed.Chunk(Chunk))
            {
                foreach (var row in _connection.Query<(string Uid, string Hash, int Sequence)>(
                    $"""
                    INSERT INTO feed_event_sequences (uid, language, content_hash, sequence)
                    SELECT first, @language, second, 0 FROM {_database.Dialect.TextPairs("@rows")} WHERE true
                    ON CONFLICT (uid, language) DO UPDATE SET content_hash = excluded.content_hash, sequence = feed_event_sequences.sequence + 1
                    WHERE feed_event_sequences.content_hash <> excluded.content_hash
                    RETURNING uid, content_hash, sequence
                    """,
                    new { rows = SqlDialect.Pairs(chunk.Select(pair => (pair.Key, pair.Value))), language = _language },
                    _transaction))
                {
                    known[row.Uid] = (row.Hash, row.Sequence);
                }
            }

            // A replica that met the same change a moment before raised it already, and the upsert returned nothing.
            var raisedElsewhere = changed.Where(pair => known.GetValueOrDefault(pair.Key).Hash != pair.Value).Select(pair => pair.Key).ToList();
            foreach (var (uid, row) in Read(_database, _connection, _transaction, _language, raisedElsewhere))
            {
                known[uid] = row;
            }

            _written += changed.Count;
            if (_written >= CommitEvery)
            {
                Commit();
            }
        }

        private static Dictionary<string, string> HashesOf(IReadOnlyList<FeedEvent> events)
        {
            var hashes = new Dictionary<string, string>(events.Count, StringComparer.Ordinal);
            foreach (var feedEvent in events)
            {
                hashes.TryAdd(feedEvent.Uid, feedEvent.ContentHash);
            }

            return hashes;
        }

        /// <summary>Commits what is not committed yet, once <see cref="Expect"/> has recorded it: call it before anything assigned is served.</summary>
        /// <returns>Whether every event got the SEQUENCE <see cref="Expect"/> said it would; what was recorded is committed either way.</returns>
        public bool Complete()
        {
            _recording.GetAwaiter().GetResult();
            Commit();
            return !_unexpected;
        }

        /// <summary>Rolls back what <see cref="Complete"/> did not commit: a build that failed serves nothing.</summary>
        public void Dispose()
        {
            try
            {
                // No statement may be running on a connection when it goes; what failed was thrown by Complete, or the build failed first.
                _recording.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
                _transaction?.Dispose();
            }
            finally
            {
                try
                {
                    GiveBack(_reader, _readerCacheBefore);
                }
                finally
                {
                    GiveBack(_connection, _cacheBefore);
                }
            }
        }

        /// <summary>A connection for the build: on SQLite, with a page cache that holds the UID index (<paramref name="cacheBefore"/> is the one it had).</summary>
        private static System.Data.Common.DbConnection OpenForBuild(CalendarDatabase database, out long? cacheBefore)
        {
            var connection = database.Open();
            cacheBefore = null;
            if (database.Dialect.CachesPagesPerConnection)
            {
                cacheBefore = connection.ExecuteScalar<long>("PRAGMA cache_size");
                connection.Execute($"PRAGMA cache_size = -{BuildCacheKibibytes}");
            }

            return connection;
        }

        /// <summary>Closes a connection of the build, back to the pool with the page cache it had.</summary>
        private static void GiveBack(System.Data.Common.DbConnection? connection, long? cacheBefore)
        {
            try
            {
                // Lowering the bound frees the pages above it: the pooled connection holds no more than before.
                if (cacheBefore is { } before && connection?.State == System.Data.ConnectionState.Open)
                {
                    connection.Execute($"PRAGMA cache_size = {before}");
                }
            }
            finally
            {
                connection?.Dispose();
            }
        }

        private void Commit()
        {
            _transaction?.Commit();
            _transaction?.Dispose();
            _transaction = null;
            _written = 0;
        }
    }

    private static Dictionary<string, (string Hash, int Sequence)> Read(CalendarDatabase database, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string language, IEnumerable<string> uids)
    {
        var known = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var chunk in uids.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            foreach (var row in connection.Query<(string Uid, string Hash, int Sequence)>(
                $"SELECT uid, content_hash, sequence FROM feed_event_sequences WHERE language = @language AND uid {database.Dialect.InTexts("@chunk")}", new { chunk = database.Dialect.Texts(chunk), language }, transaction))
            {
                known[row.Uid] = (row.Hash, row.Sequence);
            }
        }

        return known;
    }
}
