using Calendar.Service.Feed;
using Calendar.Service.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Calendar.Service.Tests.Storage;

/// <summary>SEQUENCE and Last-Modified, kept in the database: replicas agree on them, and they never go down.</summary>
public class ReplicaFeedStateTests
{
    private static readonly Instant Monday = Instant.FromUtc(2027, 1, 11, 8, 0);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReplicaThatMissedAnEditUndoneElsewhere_HandsOutTheSequenceWhereItStands_NotTheOldOne(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var databaseA = test.Migrated();
        using var databaseB = test.Migrated();
        var (a, b) = (new EventSequences(databaseA), new EventSequences(databaseB));

        Assert.Equal(0, b.Assign([Visit("Agenda to follow.")])[VisitUid]);
        // Only replica A sees the note edited, then the edit undone.
        Assert.Equal(0, a.Assign([Visit("Agenda to follow.")])[VisitUid]);
        Assert.Equal(1, a.Assign([Visit("Talks on transit.")])[VisitUid]);
        Assert.Equal(2, a.Assign([Visit("Agenda to follow.")])[VisitUid]);

        Assert.Equal(2, b.Assign([Visit("Agenda to follow.")])[VisitUid]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReplicasMeetingTheSameEditAtOnce_RaiseTheSequenceOnce(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        var replicas = Enumerable.Range(0, 4).Select(_ => test.Migrated()).ToList();
        Assert.Equal(0, new EventSequences(replicas[0]).Assign([Visit("Agenda to follow.")])[VisitUid]);
        using var together = new Barrier(replicas.Count);

        var assigned = await Task.WhenAll(replicas.Select(replica => Task.Run(() =>
        {
            together.SignalAndWait(TestContext.Current.CancellationToken);
            return new EventSequences(replica).Assign([Visit("Talks on transit.")])[VisitUid];
        })));

        Assert.Equal([1, 1, 1, 1], assigned);
        replicas.ForEach(replica => replica.Dispose());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ABuildsSessionThatIsNotCompleted_RecordsNothing(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var database = test.Migrated();
        var sequences = new EventSequences(database);
        Assert.Equal(0, sequences.Assign([Visit("Agenda to follow.")])[VisitUid]);

        using (var failed = sequences.Open())
        {
            // A build that assigned this and then failed: nothing it assigned was served.
            Assert.Equal(1, failed.Assign([Visit("Talks on transit.")])[VisitUid]);
        }

        using var completed = sequences.Open();
        Assert.Equal(0, completed.Assign([Visit("Agenda to follow.")])[VisitUid]);
        Assert.Equal(1, completed.Assign([Visit("Talks on transit.")])[VisitUid]);
        completed.Complete();
        Assert.Equal(1, sequences.Assign([Visit("Talks on transit.")])[VisitUid]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASequenceExpected_ThatAnotherReplicaRaisedBeforeItWasRecorded_IsReportedWhenTheSessionCompletes(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var database = test.Migrated();
        using var elsewhere = test.Migrated();
        var sequences = new EventSequences(database);
        Assert.Equal(0, sequences.Assign([Visit("Agenda to follow.")])[VisitUid]);

        using (var session = sequences.Open())
        {
            // Another replica is raising the SEQUENCE for other content: its transaction holds the row (on SQLite, the file).
            using var other = elsewhere.Open();
            using var raising = other.BeginTransaction();
            other.Execute(
                "UPDATE feed_event_sequences SET content_hash = 'elsewhere', sequence = sequence + 1 WHERE uid = @uid",
                new { uid = VisitUid }, raising);

            // Read before that commits: one more than the 0 recorded. Recording it waits for the other replica.
            Assert.Equal(1, session.Expect([Visit("Talks on transit.")])[VisitUid]);
            raising.Commit();

            Assert.False(session.Complete());
        }

        // What was recorded stands: one more than the other replica's.
        Assert.Equal(2, sequences.Assign([Visit("Talks on transit.")])[VisitUid]);
        using var completed = sequences.Open();
        Assert.Equal(2, completed.Expect([Visit("Talks on transit.")])[VisitUid]);
        Assert.Equal(3, completed.Expect([Visit("Agenda to follow.")])[VisitUid]);
        Assert.True(completed.Complete());
    }

    [Fact]
    public async Task ABuildsSessionOnSqlite_GivesItsPooledConnectionsBackWithThePageCacheTheyHad_AndLeavesOthersAlone()
    {
        using var test = await TestDatabase.CreateAsync("Sqlite");
        using var database = test.Migrated();
        var sequences = new EventSequences(database);
        Assert.Equal(0, sequences.Assign([Visit("Agenda to follow.")])[VisitUid]);
        var (pooled, before) = CacheOfNextConnection(database);

        using (var session = sequences.Open())
        {
            // The session holds the connection measured above: another one keeps its own setting.
            var (sessionConnection, during) = CacheOfNextConnection(database);
            Assert.NotEqual(pooled, sessionConnection);
            Assert.Equal(before, during);
            // Another writer holds the file: the session's connection waits to record the first event, and a second
            // connection of the session's reads for the next one meanwhile.
            using (var other = database.Open())
            using (var writing = other.BeginTransaction())
            {
                other.Execute("INSERT INTO feed_event_sequences (uid, language, content_hash, sequence) VALUES ('other@calendar.local', 'en', 'x', 0)", transaction: writing);
                Assert.Equal(1, session.Expect([Visit("Talks on transit.")])[VisitUid]);
                Assert.Equal(0, session.Expect([Visit("Talks on transit.") with { Uid = "second@calendar.local" }])["second@calendar.local"]);
                writing.Commit();
            }

            Assert.True(session.Complete());
        }

        // Both back in the pool, as they were.
        using var first = (SqliteConnection)database.Open();
        using var second = (SqliteConnection)database.Open();
        Assert.Contains(pooled, new[] { first, second }.Select(connection => connection.Handle!.DangerousGetHandle()));
        Assert.All(new[] { first, second }, connection => Assert.Equal(before, connection.ExecuteScalar<long>("PRAGMA cache_size")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReplicasServingOneGeneration_AgreeOnItsLastModified_WithinASecond(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var databaseA = test.Migrated();
        using var databaseB = test.Migrated();
        var time = new ManualTime();
        var (a, b) = (new FeedChanges(databaseA, time), new FeedChanges(databaseB, time));

        Assert.Equal(Monday, a.Record("g1", Monday));
        Assert.Equal(Monday, b.Record("g1", Monday + Duration.FromHours(1)));
        // B alone goes to another generation and back (its facts changed and changed back): the date moves on, never back.
        Assert.Equal(Monday + Duration.FromHours(2), b.Record("g2", Monday + Duration.FromHours(2)));
        Assert.Equal(Monday + Duration.FromHours(3), b.Record("g1", Monday + Duration.FromHours(3)));

        Assert.Equal(Monday, a.Record("g1", Monday + Duration.FromHours(3)));
        time.Advance(FeedChanges.Recheck);
        Assert.Equal(Monday + Duration.FromHours(3), a.Record("g1", Monday + Duration.FromHours(3)));
    }

    private const string VisitUid = "xa-xb-visit@calendar.local";

    private static FeedEvent Visit(string note) => new(
        VisitUid, "Visit, Xanadu – Brobdingnag", $"Visit\nNote: {note}", null, new LocalDate(2027, 3, 2), new LocalDate(2027, 3, 3), false, ["visit"], null);

    /// <summary>Time that moves only when the test says so.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    /// <summary>Which SQLite connection the pool hands out next (its native handle), and its page cache setting.</summary>
    private static (nint Handle, long CacheSize) CacheOfNextConnection(CalendarDatabase database)
    {
        using var connection = (SqliteConnection)database.Open();
        return (connection.Handle!.DangerousGetHandle(), connection.ExecuteScalar<long>("PRAGMA cache_size"));
    }
}
