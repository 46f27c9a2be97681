using Calendar.Service.Reminders;
using Calendar.Service.Subscriptions;
using Calendar.Service.Tests.Storage;
using Dapper;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>
/// Lead times that came due while nothing could be sent: the nearest one owed goes, late, and stands for the others,
/// which never go afterwards. Alice (Rome, 09:00) is reminded of the 35th anniversary with Brobdingnag on 21 August
/// 2027 (a jubilee) 90, 30, 7 and 1 days ahead; she subscribed long before.
/// </summary>
public class MissedLeadTimesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterDowntime_TheNearestReminderGoes_AndTheMissedOnesNeverDo_NorTakeALedgerRow(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var server = new ScriptedSmtpServer();
        using var facts = new TempFolder();
        using var app = test.On(Host(facts, At(2027, 7, 1, 9, 30, "Europe/Rome"), server.Port));
        var sent = new List<int> { (await app.DispatchAsync()).Sent };

        // Down from 1 July, across the 30-day lead day (22 July), until after the 7-day one (14 August); daily runs from then on.
        foreach (var day in new[] { 14, 15, 19, 20, 21 })
        {
            app.Clock.Reset(At(2027, 8, day, 9, 30, "Europe/Rome"));
            sent.Add((await app.DispatchAsync()).Sent);
        }

        Assert.Equal([0, 1, 0, 0, 1, 0], sent);
        Assert.All(server.Accepted, recipients => Assert.Equal(["alice@example.org"], recipients));
        Assert.Equal([(7, "sent"), (1, "sent")], LedgerOf(test, "alice@example.org", app));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AFailedReminder_ThatANearerOneStandsFor_StopsCountingAsFailing_AndNeverGoes(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var server = new ScriptedSmtpServer { DataReply = "451 4.3.0 Temporary failure, try again later" };
        using var facts = new TempFolder();
        using var app = test.On(Host(facts, At(2027, 7, 22, 9, 30, "Europe/Rome"), server.Port));
        Assert.Equal((0, 1), ((await app.DispatchAsync()) is var failing ? (failing.Sent, failing.Failed) : default));
        var alice = app.Get<SubscriptionStore>().FindByEmail("alice@example.org")!;
        Assert.Equal(1, app.Get<ReminderLedger>().Summary(alice.Id).Failing);

        // The relay is mended only after the 7-day lead day.
        server.DataReply = null;
        app.Clock.Reset(At(2027, 8, 14, 9, 30, "Europe/Rome"));
        Assert.Equal(1, (await app.DispatchAsync()).Sent);
        app.Clock.Reset(At(2027, 8, 15, 9, 30, "Europe/Rome"));
        Assert.Equal(0, (await app.DispatchAsync()).Sent);

        Assert.Equal((1, 0), app.Get<ReminderLedger>().Summary(alice.Id) is var summary ? (summary.Sent, summary.Failing) : default);
        Assert.Equal([(30, "superseded"), (7, "sent")], LedgerOf(test, "alice@example.org", app));
    }

    /// <summary>The subscriber's ledger rows, nearest lead time last.</summary>
    private static List<(int LeadDays, string State)> LedgerOf(TestDatabase test, string email, CalendarApplication app)
    {
        var id = app.Get<SubscriptionStore>().FindByEmail(email)!.Id;
        using var connection = test.Replica().Open();
        return [.. connection.Query<(long, string)>("SELECT lead_days, state FROM reminder_ledger WHERE subscription_id = @id ORDER BY lead_days DESC", new { id })
            .Select(row => ((int)row.Item1, row.Item2))];
    }
}
