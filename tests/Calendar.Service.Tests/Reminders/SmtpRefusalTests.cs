using System.Text.Json;
using Calendar.Service.Subscriptions;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>Who a 5xx is about: only a refused recipient is refused for good; a refused sender or message is the relay's problem.</summary>
public class SmtpRefusalTests
{
    [Theory]
    [InlineData("sender", "550 5.7.1 Sender address rejected: not owned by user calendar@localhost")]
    [InlineData("message", "554 5.7.1 Message rejected: relay access denied")]
    public async Task ARefusedSenderOrMessage_RefusesNoSubscriber_IsReportedOnHealth_AndIsRetriedWithBackoff(string refused, string reply)
    {
        using var server = new ScriptedSmtpServer();
        if (refused == "sender")
        {
            server.SenderReply = reply;
        }
        else
        {
            server.DataReply = reply;
        }

        using var facts = new TempFolder();
        // 10:00 in Rome is 13:00 in Almaty: both subscribers' send time has come, and both follow Brobdingnag.
        using var app = Host(facts, At(2027, 8, 14, 10, 0, "Europe/Rome"), server.Port).With("Calendar:Subscriptions:1:Countries:0", "XB");

        var failing = await app.DispatchAsync();

        Assert.Equal((0, 0), (failing.Sent, failing.Rejected));
        Assert.True(failing.Failed > 0);
        Assert.All(await app.Get<SubscriptionStore>().AfterAsync(0, 100, TestContext.Current.CancellationToken), s => Assert.Equal((SubscriptionState.Active, null), (s.State, s.RejectionReason)));
        var reminders = await RemindersHealth(app);
        Assert.Equal("Degraded", reminders.GetProperty("status").GetString());
        Assert.Contains(reply[4..], reminders.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, reminders.GetProperty("data").GetProperty("refusedAddresses").GetInt32());

        // The relay is fixed; within the backoff nothing is tried, after it both digests go.
        (server.SenderReply, server.DataReply) = (null, null);
        app.Clock.Advance(NodaTime.Duration.FromMinutes(1));
        Assert.Equal(0, (await app.DispatchAsync()).Sent);
        app.Clock.Advance(NodaTime.Duration.FromMinutes(10));
        Assert.Equal(2, (await app.DispatchAsync()).Sent);
        Assert.Equal([["alice@example.org"], ["bob@example.org"]], server.Accepted.OrderBy(r => r[0], StringComparer.Ordinal));
        Assert.Equal("Healthy", (await RemindersHealth(app)).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> RemindersHealth(CalendarApplication app)
    {
        using var health = await Calendar.Service.Tests.Upcoming.UpcomingApiTests.GetJson(app, "/health");
        return health.RootElement.GetProperty("checks").GetProperty("reminders").Clone();
    }
}
