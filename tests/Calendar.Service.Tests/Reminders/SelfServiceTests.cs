using Calendar.Service.Subscriptions;
using static Calendar.Service.Tests.Reminders.ReminderFacts;
using static Calendar.Service.Tests.Reminders.SelfServiceClient;

namespace Calendar.Service.Tests.Reminders;

/// <summary>Reminders asked for from the page: double opt-in, and no way to learn who subscribes.</summary>
public class SelfServiceTests
{
    [Fact]
    public async Task TheConfirmationLink_ActivatesTheSubscription_AndOnlyThen()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();

        using var answer = await PostAsync(client, "/subscriptions", ("email", "carol@example.org"), ("country", "XB"), ("jubilee", "true"));

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Contains("Check your inbox", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var store = app.Get<SubscriptionStore>();
        var pending = store.FindByEmail("carol@example.org")!;
        Assert.Equal(SubscriptionState.Pending, pending.State);
        Assert.Equal(["XB"], pending.Filter.Countries.Select(c => c.Value));
        Assert.True(pending.Filter.Jubilee);
        await app.DispatchAsync();
        var confirmation = (await mail.WaitForAsync(2)).Single(r => r.To.Contains("carol@example.org"));
        Assert.Equal("Confirm your diplomatic anniversary reminders", confirmation.Message.Subject);

        var link = ConfirmationLink(confirmation);
        Assert.Equal("calendar.test", link.Host);
        using var page = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(SubscriptionState.Pending, store.FindByEmail("carol@example.org")!.State);
        var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);
        using var confirmed = await PostAsync(client, "/subscriptions/confirm", ("token", token));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(SubscriptionState.Active, store.FindByEmail("carol@example.org")!.State);
        await app.DispatchAsync();
        Assert.Contains(await mail.WaitForAsync(3), r => r.To.Contains("carol@example.org") && r.Message.Subject!.StartsWith("In 7 days:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AForgedConfirmationToken_ActivatesNothing()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();
        (await PostAsync(client, "/subscriptions", ("email", "dave@example.org"))).Dispose();
        var id = app.Get<SubscriptionStore>().FindByEmail("dave@example.org")!.Id;

        using var forged = await PostAsync(client, "/subscriptions/confirm", ("token", $"{id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(SubscriptionState.Pending, app.Get<SubscriptionStore>().FindByEmail("dave@example.org")!.State);
    }

    [Fact]
    public async Task TheAnswer_IsTheSameForAKnownAndAnUnknownAddress()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();

        using var known = await PostAsync(client, "/subscriptions", ("email", "alice@example.org"));
        using var unknown = await PostAsync(client, "/subscriptions", ("email", "erin@example.org"));

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var knownText = await known.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var unknownText = await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(knownText.Replace("alice", "erin", StringComparison.Ordinal), unknownText);
        Assert.Equal(SubscriptionState.Active, app.Get<SubscriptionStore>().FindByEmail("alice@example.org")!.State);
    }

    [Fact]
    public async Task TheForm_IsRateLimitedPerAddress()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await PostAsync(client, "/subscriptions", ("email", $"visitor{i}@example.org"));
            codes.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Concat([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]), codes);
    }

    [Fact]
    public async Task ABadAddress_Answers400SayingWhichField()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();

        using var response = await PostAsync(client, "/subscriptions", ("email", "not-an-address"), ("country", "QQ"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Email address: &#x27;not-an-address&#x27; is not an email address.", text, StringComparison.Ordinal);
        Assert.Contains("Country: &#x27;QQ&#x27; is not one of this calendar&#x27;s choices", text, StringComparison.Ordinal);
    }
}
