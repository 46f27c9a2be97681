using System.Net.Http.Headers;
using Calendar.Service.Subscriptions;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary><c>Calendar:Subscriptions</c> creates and updates on every start, and never undoes a stop.</summary>
public class ConfiguredSubscriptionTests
{
    private const string Key = "a-long-random-admin-key";

    [Fact]
    public async Task AConfiguredAddressThatUnsubscribed_StaysUnsubscribedAfterARestart_WhileItsChoicesFollowTheConfiguration()
    {
        using var facts = new TempFolder();
        using var data = new TempFolder();
        using (var first = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null, data.Path))
        {
            var alice = first.Get<SubscriptionStore>().FindByEmail("alice@example.org")!;
            var token = first.Get<SubscriptionTokens>().Issue(alice, TokenPurpose.Unsubscribe);
            using var client = first.CreateHttpClient();
            using var response = await client.PostAsync(new Uri($"/subscriptions/unsubscribe?token={Uri.EscapeDataString(token)}", UriKind.Relative),
                new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The same configuration, plus a country: the restart updates what Alice asks for, not whether she gets it.
        using var second = Host(facts, At(2027, 8, 14, 9, 35, "Europe/Rome"), smtpPort: null, data.Path).With("Calendar:Subscriptions:0:Countries:1", "XC");
        var stored = second.Get<SubscriptionStore>().FindByEmail("alice@example.org")!;

        Assert.Equal(SubscriptionState.Unsubscribed, stored.State);
        Assert.Equal(["XB", "XC"], stored.Filter.Countries.Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await second.DispatchAsync()).Sent);
    }

    [Fact]
    public async Task AConfiguredAddressRefusedForGood_StaysRefusedAfterARestart_UntilAnAdministratorReactivatesIt()
    {
        using var server = new ScriptedSmtpServer("alice@example.org");
        using var facts = new TempFolder();
        using var data = new TempFolder();
        using (var first = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), server.Port, data.Path))
        {
            Assert.Equal(1, (await first.DispatchAsync()).Rejected);
        }

        using var second = Host(facts, At(2027, 8, 20, 9, 30, "Europe/Rome"), server.Port, data.Path).With("Calendar:AdminApiKey", Key);
        var alice = second.Get<SubscriptionStore>().FindByEmail("alice@example.org")!;
        Assert.Contains("550: 5.1.1 No such user here", alice.RejectionReason, StringComparison.Ordinal);
        var afterRestart = await second.DispatchAsync();
        Assert.Equal((0, 0), (afterRestart.Sent, afterRestart.Rejected));

        // The mailbox is fixed: the administrator says so, and the next reminder goes out.
        server.Reject = null;
        using var client = second.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var activated = await client.PostAsync(new Uri($"/api/subscriptions/{alice.Id}/activate", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var reactivated = second.Get<SubscriptionStore>().Find(alice.Id)!;
        Assert.Equal((SubscriptionState.Active, null, null), (reactivated.State, reactivated.RejectedAt, reactivated.RejectionReason));
        Assert.Equal(1, (await second.DispatchAsync()).Sent);
        Assert.Contains(server.Accepted, recipients => recipients.SequenceEqual(["alice@example.org"]));
    }

    [Fact]
    public async Task AnAdministratorsUpdate_ChangesTheChoices_ButNeitherTheStateNorARefusal()
    {
        using var server = new ScriptedSmtpServer("alice@example.org");
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), server.Port).With("Calendar:AdminApiKey", Key);
        await app.DispatchAsync();
        var alice = app.Get<SubscriptionStore>().FindByEmail("alice@example.org")!;
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        using var updated = await client.PutAsJsonAsync($"/api/subscriptions/{alice.Id}", new { email = "alice@example.org", countries = new[] { "XB", "XC" } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var stored = app.Get<SubscriptionStore>().Find(alice.Id)!;
        Assert.Equal(["XB", "XC"], stored.Filter.Countries.Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.Equal(alice.RejectedAt, stored.RejectedAt);
        Assert.Equal(alice.TokenStamp, stored.TokenStamp);
    }
}
