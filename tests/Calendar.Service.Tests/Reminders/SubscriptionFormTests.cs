using System.Text.Json;
using Calendar.Service.Subscriptions;
using NodaTime;
using static Calendar.Service.Tests.Reminders.ReminderFacts;
using static Calendar.Service.Tests.Reminders.SelfServiceClient;

namespace Calendar.Service.Tests.Reminders;

/// <summary>
/// The page's reminder form, posted directly: <c>email</c>, <c>name</c>, <c>country</c>, <c>kind</c>,
/// <c>jubilee</c> (true, false or absent), <c>timeZone</c> and <c>sendAt</c>, stored as given.
/// </summary>
public class SubscriptionFormTests
{
    [Fact]
    public async Task JubileeFalse_TimeZoneAndSendAt_AreWhatTheConfirmedSubscriptionAsksFor()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();

        using var answer = await PostAsync(client, "/subscriptions",
            ("email", "rome@embassy.example"), ("name", "Embassy in Rome"), ("country", "XB"), ("country", "XC"), ("kind", "relations"),
            ("jubilee", "false"), ("timeZone", "Europe/Rome"), ("sendAt", "08:30"));
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        using var confirmed = await ConfirmAsync(client, Assert.Single(await mail.WaitForAsync(1)));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var stored = app.Get<SubscriptionStore>().FindByEmail("rome@embassy.example")!;
        Assert.Equal(SubscriptionState.Active, stored.State);
        Assert.Equal("Embassy in Rome", stored.Name);
        Assert.Equal(["XB", "XC"], stored.Filter.Countries.Select(c => c.Value).Order(StringComparer.Ordinal));
        Assert.Equal(["relations"], stored.Filter.Kinds);
        Assert.False(stored.Filter.Jubilee);
        Assert.Equal(("Europe/Rome", new LocalTime(8, 30)), (stored.TimeZone.Id, stored.SendAt));

        // The only event due this week is the 35th anniversary with Brobdingnag, a jubilee: not for this subscriber.
        await mail.ClearAsync();
        await app.DispatchAsync();
        Assert.DoesNotContain(await mail.MessagesAsync(), r => r.To.Contains("rome@embassy.example"));
    }

    [Fact]
    public async Task WithoutTimeZoneOrSendAt_TheCalendarsZoneAndTheDefaultSendTimeApply_AndJubileeAbsentMeansEverything()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort)
            .With("Calendar:TimeZone", "Europe/Luxembourg").With("Calendar:Reminders:SendAt", "07:45");
        using var client = app.CreateHttpClient();

        (await PostAsync(client, "/subscriptions", ("email", "carol@example.org"), ("country", "XB"))).Dispose();
        (await ConfirmAsync(client, Assert.Single(await mail.WaitForAsync(1)))).Dispose();

        var stored = app.Get<SubscriptionStore>().FindByEmail("carol@example.org")!;
        Assert.Equal(("Europe/Luxembourg", new LocalTime(7, 45), (bool?)null), (stored.TimeZone.Id, stored.SendAt, stored.Filter.Jubilee));
    }

    [Fact]
    public async Task ABadJubileeTimeZoneOrSendAt_Answers400NamingEach()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();

        using var response = await PostAsync(client, "/subscriptions",
            ("email", "carol@example.org"), ("jubilee", "maybe"), ("timeZone", "Mars/Olympus"), ("sendAt", "25:00"), ("contry", "XB"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Jubilees: 'maybe' is not one of this calendar's choices", text, StringComparison.Ordinal);
        Assert.Contains("Time zone: 'Mars/Olympus' is not a time zone; choose one from the list.", text, StringComparison.Ordinal);
        Assert.Contains("Send at: '25:00' is not a time of day; give it as HH:mm, e.g. 09:00.", text, StringComparison.Ordinal);
        Assert.Contains("contry: this calendar has no such parameter", text, StringComparison.Ordinal);
        Assert.Null(app.Get<SubscriptionStore>().FindByEmail("carol@example.org"));
    }

    [Fact]
    public async Task TheAdminApiAndConfiguration_SayJubileeTrueFalseOrNothing_AndJubileeOnlyStillWorks()
    {
        const string Key = "a-long-random-admin-key";
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null)
            .With("Calendar:AdminApiKey", Key)
            .With("Calendar:Subscriptions:0:Jubilee", "false")
            .With("Calendar:Subscriptions:1:JubileeOnly", "true");
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var ct = TestContext.Current.CancellationToken;

        (await client.PostAsJsonAsync("/api/subscriptions", new { email = "dave@example.org", jubilee = false }, ct)).Dispose();
        (await client.PostAsJsonAsync("/api/subscriptions", new { email = "erin@example.org", jubileeOnly = true }, ct)).Dispose();
        (await client.PostAsJsonAsync("/api/subscriptions", new { email = "frank@example.org" }, ct)).Dispose();
        using var contradiction = await client.PostAsJsonAsync("/api/subscriptions", new { email = "gina@example.org", jubilee = false, jubileeOnly = true }, ct);

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/subscriptions", UriKind.Relative), ct));
        var jubilee = list.RootElement.EnumerateArray().ToDictionary(
            s => s.GetProperty("email").GetString()!,
            s => (s.GetProperty("jubilee").ValueKind == JsonValueKind.Null ? (bool?)null : s.GetProperty("jubilee").GetBoolean(), s.GetProperty("jubileeOnly").GetBoolean()));
        Assert.Equal((false, false), jubilee["alice@example.org"]);
        Assert.Equal((true, true), jubilee["bob@example.org"]);
        Assert.Equal((false, false), jubilee["dave@example.org"]);
        Assert.Equal((true, true), jubilee["erin@example.org"]);
        Assert.Equal((null, false), jubilee["frank@example.org"]);
        Assert.Equal(HttpStatusCode.BadRequest, contradiction.StatusCode);
        Assert.Contains("\"jubileeOnly\"", await contradiction.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}
