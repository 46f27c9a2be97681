using Calendar.Core;
using Calendar.Service.Subscriptions;
using Calendar.Service.Tests.Feed;
using Calendar.Service.Timeline;
using MimeKit;
using NodaTime;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Storage;

/// <summary><c>copy-state</c>: one machine's SQLite state into PostgreSQL, so that the cluster carries on where it stood.</summary>
public class CopyStateTests
{
    [Fact]
    public async Task TheServiceOnPostgres_AfterCopyState_ServesTheSameFeed_SendsNothingAgain_AndHonoursLinksAlreadySent()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Yaml);
        using var sqlite = await TestDatabase.CreateAsync("Sqlite");
        using var postgres = await TestDatabase.CreateAsync("Postgres");
        FeedResponse before;
        using (var single = sqlite.On(Host(facts, WeekAhead, smtpPort: null)))
        {
            Assert.Equal(1, (await single.DispatchAsync()).Sent);
            await FeedClient.GetAsync(single);
            // An edit raises the visit's SEQUENCE to 1: a cluster starting from 0 again would have clients ignore the next change.
            facts.Write("facts.yaml", Yaml.Replace("visits Lilliput", "visits Lilliput and Blefuscu", StringComparison.Ordinal));
            single.Get<CalendarRefresher>().Refresh();
            before = await FeedClient.GetAsync(single);
            Assert.Contains("SEQUENCE:1", before.Text, StringComparison.Ordinal);
            Assert.True(single.Get<SelfServiceMailCap>().TryCount("someone@example.org", new LocalDate(2027, 8, 14)));
        }

        IReadOnlyList<(string Table, long Rows)> held;
        using (var source = sqlite.Replica())
        using (var connection = source.Open())
        {
            held = Calendar.Service.Storage.StateCopy.Count(connection);
        }

        var (exitCode, output, error) = await ServiceProcess.RunAsync(facts.Path, sqlite.Environment, "copy-state", "--to", postgres.ConnectionString!);

        Assert.True(exitCode == 0, error);
        Assert.Equal([("subscriptions", 2), ("reminder_ledger", 1), ("feed_generation", 1), ("self_service_mail_counts", 1)], held.Where(t => t.Table is not "feed_event_sequences" and not "service_secrets"));
        Assert.Equal(
            [
                $"Copied the SQLite database {Path.Combine(sqlite.DataPath, "calendar.db")} into the PostgreSQL database {Database(postgres)}:",
                .. held.Where(t => t.Table != "service_secrets").Select(t => $"{t.Table}: {t.Rows} row(s)"),
                $"signing secret: copied from {Path.Combine(sqlite.DataPath, "signing-secret")}; links already sent keep working.",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        using (var cluster = postgres.On(Host(facts, WeekAhead, smtpPort: null)))
        {
            var after = await FeedClient.GetAsync(cluster);
            Assert.Equal(before.Text, after.Text);
            Assert.Equal((before.ETag, before.LastModified), (after.ETag, after.LastModified));
            Assert.Equal(0, (await cluster.DispatchAsync()).Sent);

            // The unsubscribe link in the email sent from SQLite: the same subscription id, signed with the same secret.
            using var client = cluster.CreateHttpClient();
            using var unsubscribed = await client.PostAsync(
                new Uri(UnsubscribeLinkIn(sqlite.DataPath).PathAndQuery, UriKind.Relative),
                new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
            var store = cluster.Get<SubscriptionStore>();
            Assert.Equal(SubscriptionState.Unsubscribed, store.FindByEmail("alice@example.org")!.State);
            // New subscriptions are numbered after the copied ones.
            Assert.Equal(3, store.Add(store.Find(1)! with { Email = "carol@example.org", Filter = OccurrenceFilter.All }, WeekAhead)!.Id);
            Assert.Equal([true, true, false], Enumerable.Range(0, 3).Select(_ => cluster.Get<SelfServiceMailCap>().TryCount("someone@example.org", new LocalDate(2027, 8, 14))));
        }

        var again = await ServiceProcess.RunAsync(facts.Path, sqlite.Environment, "copy-state", "--to", postgres.ConnectionString!);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal($"Nothing was copied: the PostgreSQL database {Database(postgres)} already holds state. copy-state fills an empty database; --replace deletes what it holds first.", again.Error.Trim());
        var replaced = await ServiceProcess.RunAsync(facts.Path, sqlite.Environment, "copy-state", "--to", postgres.ConnectionString!, "--replace");
        Assert.Equal((0, "subscriptions: 2 row(s)"), (replaced.ExitCode, replaced.Output.Split('\n')[1].Trim()));
    }

    [Fact]
    public async Task CopyState_LeavesPostgresWithStatisticsOfEveryTableItFilled_SoThatTheFirstRunPlansWithThem()
    {
        using var sqlite = await TestDatabase.CreateAsync("Sqlite");
        using var postgres = await TestDatabase.CreateAsync("Postgres");
        var source = sqlite.Migrated();
        new SubscriptionStore(source).Add(InRome("alice@example.org"), WeekAhead);

        Assert.NotNull(Calendar.Service.Storage.StateCopy.Copy(source, postgres.Replica(), replace: false, secret: null));

        using var connection = postgres.Replica().Open();
        var analyzed = Dapper.SqlMapper.Query<(string, bool)>(
            connection, "SELECT relname, last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = ANY(@tables) ORDER BY relname",
            new { tables = Calendar.Service.Storage.StateCopy.Tables.ToArray() });
        Assert.Equal(Calendar.Service.Storage.StateCopy.Tables.Order().Select(table => (table, true)), analyzed);
    }

    private static string Database(TestDatabase test)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(test.ConnectionString);
        return $"{builder.Database} on {builder.Host}:{builder.Port}";
    }

    private static Uri UnsubscribeLinkIn(string dataPath)
    {
        var message = MimeMessage.Load(Assert.Single(Directory.GetFiles(Path.Combine(dataPath, "outbox"), "*.eml")));
        return new Uri(message.Headers["List-Unsubscribe"]!.Trim('<', '>'));
    }
}
