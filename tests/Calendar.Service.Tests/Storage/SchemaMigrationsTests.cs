using Calendar.Service.Storage;
using Dapper;

namespace Calendar.Service.Tests.Storage;

/// <summary>Schema steps: applied once however many replicas start together, in order, and never backwards.</summary>
public class SchemaMigrationsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnEmptyDatabase_FourReplicasStartingAtOnce_IsMigratedOnce(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        var replicas = Enumerable.Range(0, 4).Select(_ => test.Replica()).ToList();
        using var together = new Barrier(replicas.Count);

        var applied = await Task.WhenAll(replicas.Select(replica => Task.Run(() =>
        {
            together.SignalAndWait(TestContext.Current.CancellationToken);
            return new SchemaMigrations(replica, TestMigrations()).Apply();
        })));

        // One replica applied every step; the others waited for it and found nothing left to do.
        var all = TestMigrations().Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([all, [], [], []], applied.OrderByDescending(ids => ids.Count).Select(ids => ids.ToList()));
        using var connection = replicas[0].Open();
        Assert.Equal(all, connection.Query<string>("SELECT id FROM schema_migrations ORDER BY id"));
        foreach (var replica in replicas)
        {
            replica.Dispose();
        }
    }

    [Fact]
    public async Task TwoServicesStartingTogether_OnAnEmptyPostgresDatabase_BothStart_AndEachStepIsAppliedOnce()
    {
        using var test = await TestDatabase.CreateAsync("Postgres");
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var first = test.On(new CalendarApplication(facts.Path));
        using var second = test.On(new CalendarApplication(facts.Path));

        await Task.WhenAll(Task.Run(first.Start), Task.Run(second.Start));

        using var connection = first.Get<CalendarDatabase>().Open();
        var applied = connection.Query<(string Id, long Times)>("SELECT id, count(*) FROM schema_migrations GROUP BY id").ToList();
        Assert.Equal(TestMigrations().Count - 1, applied.Count);
        Assert.All(applied, step => Assert.Equal(1, step.Times));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ADatabaseMigratedByANewerBuild_IsRefused_NamingTheStep_AndLeftAsItWas(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using (var newer = test.Replica(new Migration("reminders-999-from-a-newer-build", "CREATE TABLE newer (id INTEGER)")))
        {
            newer.Migrate();
        }

        using var older = test.Replica(new Migration("test-001-notes", "CREATE TABLE test_notes (text TEXT NOT NULL)"));
        var refused = Assert.Throws<DatabaseTooNewException>(older.Migrate);

        Assert.Equal(["reminders-999-from-a-newer-build"], refused.Unknown);
        Assert.Contains("migrations never run backwards", refused.Message, StringComparison.Ordinal);
        using var connection = older.Open();
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations WHERE id = 'test-001-notes'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheService_StartedOnADatabaseANewerBuildMigrated_RefusesToStart_SayingWhy(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using (var newer = test.Replica(new Migration("reminders-999-from-a-newer-build", "CREATE TABLE newer (id INTEGER)")))
        {
            newer.Migrate();
        }

        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        var (exitCode, _, error) = await ServiceProcess.RunAsync(facts.Path, test.Environment, $"--Calendar:FactsPath={facts.Path}");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Refusing to start: The ", error, StringComparison.Ordinal);
        Assert.Contains("holds schema step(s) this build does not know: reminders-999-from-a-newer-build.", error, StringComparison.Ordinal);
    }

    /// <summary>The service's steps and one more a test adds (so a step of the test's own is seen to run once too).</summary>
    private static IReadOnlyList<Migration> TestMigrations() =>
    [
        .. Calendar.Service.Feed.FeedSchema.All, .. Calendar.Service.Subscriptions.SubscriptionSchema.All, .. Calendar.Service.Reminders.LedgerSchema.All,
        new Migration("test-001-notes", "CREATE TABLE test_notes (text TEXT NOT NULL)"),
    ];
}
