using Calendar.Core;
using Calendar.Service.Reminders;
using Calendar.Service.Storage;
using Calendar.Service.Subscriptions;
using Calendar.Service.Tests.Reminders;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Storage;

/// <summary>The sender on one database shared by replicas: each digest claimed once, and one whose node died sent by another.</summary>
public class SendingReplicasTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoReplicasDispatchingAtOnce_SendEachSubscriberOneDigest(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var server = new ScriptedSmtpServer();
        using var facts = new TempFolder();
        using var first = Replica(test, facts, server.Port, subscribers: 40);
        using var second = Replica(test, facts, server.Port, subscribers: 40);
        first.Start();
        second.Start();

        var results = await Task.WhenAll(Task.Run(first.DispatchAsync), Task.Run(second.DispatchAsync));

        Assert.Equal(41, results.Sum(r => r.Sent));
        var recipients = server.Accepted.Select(Assert.Single).ToList();
        Assert.Equal(41, recipients.Count);
        Assert.Equal(41, recipients.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, (await first.DispatchAsync()).Sent + (await second.DispatchAsync()).Sent);
    }

    [Theory]
    [InlineData("Sqlite", false, 1)]
    [InlineData("Sqlite", true, 2)]
    [InlineData("Postgres", false, 1)]
    [InlineData("Postgres", true, 2)]
    public async Task ADigestWhoseNodeDied_IsSentByAnotherOnceTheLeaseRunsOut_WithTheSameMessageId(string provider, bool diedAfterTheServerTookIt, int copies)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var dying = Replica(test, facts, mail.SmtpPort).WithServices(services => services.AddSingleton<IMailTransport>(
            new DyingTransport(new SmtpMailTransport(new SmtpOptions { Host = "127.0.0.1", Port = mail.SmtpPort, Security = SmtpSecurity.None }), diedAfterTheServerTookIt)));
        using var other = Replica(test, facts, mail.SmtpPort);

        await Assert.ThrowsAsync<NodeKilledException>(dying.DispatchAsync);
        // Within the lease the claim stands: the node may only be slow.
        other.Clock.Advance(Duration.FromSeconds(50));
        Assert.Equal(0, (await other.DispatchAsync()).Sent);
        other.Clock.Advance(Duration.FromSeconds(20));
        Assert.Equal(1, (await other.DispatchAsync()).Sent);
        other.Clock.Advance(Duration.FromMinutes(5));
        Assert.Equal(0, (await other.DispatchAsync()).Sent);

        var received = await mail.WaitForAsync(copies);
        Assert.Equal(copies, received.Count);
        Assert.All(received, r => Assert.Equal(["alice@example.org"], r.To));
        Assert.Single(received.Select(r => r.Message.MessageId).Distinct());
        Assert.Equal(ReminderEmail.MessageIdFor(1, [("xa-xb-relations.2027", 7)], "calendar.local"), received[0].Message.MessageId);
        Assert.All(received, r => Assert.Equal("In 7 days: 35th anniversary of diplomatic relations, Xanadu – Brobdingnag (21 August 2027)", r.Message.Subject));
    }

    [Theory]
    [InlineData(nameof(DatabaseProvider.Sqlite), false)]
    [InlineData(nameof(DatabaseProvider.Sqlite), true)]
    [InlineData(nameof(DatabaseProvider.Postgres), false)]
    [InlineData(nameof(DatabaseProvider.Postgres), true)]
    public async Task TheServerTakesTheNextDigest_OnlyOnceThePreviousOneIsMarked_ThoughItGoesOnAnotherConnection(string provider, bool serverDeclaresSize)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        // MailKit writes each message once more, to count its bytes, for a server that declares SIZE (as most do).
        using var server = new ScriptedSmtpServer { Extensions = serverDeclaresSize ? ["PIPELINING", "SIZE 10240000"] : [] };
        using var facts = new TempFolder();
        using var replica = Replica(test, facts, server.Port, subscribers: 1);
        replica.Start();
        // The ledger is locked once the server has the first digest: its mark waits, and so must the second digest.
        using var database = test.Migrated();
        await using var blocker = await database.OpenAsync(TestContext.Current.CancellationToken);
        // Deferred on SQLite: its default takes the writer's lock at once, and the claim would wait for it.
        await using var block = blocker is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
        server.BeforeAnswering = async number =>
        {
            if (number == 1)
            {
                await Lock(blocker, block, provider);
            }
        };

        var dispatch = Task.Run(replica.DispatchAsync, TestContext.Current.CancellationToken);
        await Eventually.Get(() => server.Accepted.Count, accepted => accepted == 1, "the first digest");
        // The second digest goes meanwhile on the other connection, all but its final dot, which without the hold follows at once.
        await Eventually.Get(() => server.MessagesBegun, begun => begun == 2, "the second digest's DATA");
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.Single(server.Accepted);
        Assert.False(dispatch.IsCompleted);

        await block.RollbackAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, (await dispatch).Sent);
        Assert.Equal(2, server.Accepted.Count);
        Assert.Equal(2, server.Received.Select(delivery => delivery.Connection).Distinct().Count());
        Assert.Equal(0, (await replica.DispatchAsync()).Sent);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ARun_SendsOverAsManyConnectionsAsConfigured_EachSubscriberOnce(int connections)
    {
        using var test = await TestDatabase.CreateAsync("Sqlite");
        using var server = new ScriptedSmtpServer();
        using var facts = new TempFolder();
        using var replica = Replica(test, facts, server.Port, subscribers: 11).With("Calendar:Reminders:Connections", $"{connections}");
        replica.Start();

        Assert.Equal(12, (await replica.DispatchAsync()).Sent);

        Assert.Equal(connections, server.Received.Select(delivery => delivery.Connection).Distinct().Count());
        Assert.Equal(12, server.Received.Select(delivery => delivery.Recipient).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(12, server.Received.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AServerThatGoesAwayMidRun_LeavesEveryUnsentDigestOwedForTheNextAttempt_NoneHeldByALease(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var server = new ScriptedSmtpServer();
        using var facts = new TempFolder();
        // Two batches: on PostgreSQL the second is claimed while the first is sent.
        using var replica = Replica(test, facts, server.Port, subscribers: ReminderDispatcher.Batch + 50).With("Calendar:Reminders:RetryAfter", "00:00:10");
        replica.Start();
        server.BeforeAnswering = number =>
        {
            if (number == 30)
            {
                server.SenderReply = "421 4.3.2 Service shutting down";
            }

            return Task.CompletedTask;
        };

        // The server refuses every MAIL FROM after the 30th message: one more was already past its envelope on the other
        // connection, and the server takes it.
        var first = (await replica.DispatchAsync()).Sent;
        Assert.InRange(first, 30, 31);
        Assert.Equal(first, server.Accepted.Count);
        using (var database = replica.Get<Calendar.Service.Storage.CalendarDatabase>().Open())
        {
            Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(database, "SELECT count(*) FROM reminder_ledger WHERE state = 'sending'"));
        }

        // After the retry wait and well within a lease: everyone still owed gets their digest now, and nobody a second.
        server.SenderReply = null;
        replica.Clock.Advance(Duration.FromSeconds(15));
        Assert.Equal(ReminderDispatcher.Batch + 51 - first, (await replica.DispatchAsync()).Sent);
        var recipients = server.Accepted.Select(Assert.Single).ToList();
        Assert.Equal(ReminderDispatcher.Batch + 51, recipients.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ReminderDispatcher.Batch + 51, recipients.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASubscriberWhoArrivesWhileARunSends_IsRemindedByThatRun_WhichReadsTheSubscriptionsAsItComesToThem(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var server = new ScriptedSmtpServer();
        using var facts = new TempFolder();
        // Three batches: the newcomer, last by id, is in the third, which the run reads once it has sent the first.
        using var replica = Replica(test, facts, server.Port, subscribers: ReminderDispatcher.Batch + 50);
        replica.Start();
        server.BeforeAnswering = number =>
        {
            if (number == 10)
            {
                replica.Get<SubscriptionStore>().Add(
                    InRome("newcomer@example.org") with { Filter = new OccurrenceFilter { Countries = new HashSet<CountryCode> { CountryCode.Parse("XB") } } },
                    replica.Clock.GetCurrentInstant());
            }

            return Task.CompletedTask;
        };

        Assert.Equal(ReminderDispatcher.Batch + 52, (await replica.DispatchAsync()).Sent);
        Assert.Contains(["newcomer@example.org"], server.Accepted);
    }

    private static async Task Lock(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string provider)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // PostgreSQL: a SHARE lock lets the ledger be read and not written. SQLite: any write takes the one writer's lock.
        command.CommandText = provider == "Postgres" ? "LOCK TABLE reminder_ledger IN SHARE MODE" : "DELETE FROM reminder_ledger WHERE 0";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A replica of the reminder host on <paramref name="test"/>'s database; Alice and <paramref name="subscribers"/> more follow Brobdingnag from Rome.</summary>
    private static CalendarApplication Replica(TestDatabase test, TempFolder facts, int smtpPort, int subscribers = 0)
    {
        return test.On(Host(facts, WeekAhead, smtpPort)).With("Calendar:Reminders:Lease", "00:01:00").WithReaders(subscribers);
    }

    /// <summary>The process is killed while it sends: after the server took the message (or before), and before the mark.</summary>
    private sealed class DyingTransport(IMailTransport inner, bool afterTheServerTookIt) : IMailTransport
    {
        public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => new Session(await inner.OpenAsync(cancellationToken), afterTheServerTookIt);

        private sealed class Session(IMailSession inner, bool afterTheServerTookIt) : IMailSession
        {
            public async Task SendAsync(MimeMessage message, Task holdUntil, CancellationToken cancellationToken)
            {
                if (afterTheServerTookIt)
                {
                    await inner.SendAsync(message, holdUntil, cancellationToken);
                }

                throw new NodeKilledException();
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    private sealed class NodeKilledException : Exception;
}
