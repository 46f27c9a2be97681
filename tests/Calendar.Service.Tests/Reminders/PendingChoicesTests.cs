using Calendar.Service.Subscriptions;
using static Calendar.Service.Tests.Reminders.ReminderFacts;
using static Calendar.Service.Tests.Reminders.SelfServiceClient;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A confirmation link confirms the choices it was issued for, whoever posts the same address before or after.</summary>
public class PendingChoicesTests
{
    private static readonly (string, string)[] Victims = [("email", "carol@example.org"), ("country", "XB"), ("jubilee", "true"), ("sendAt", "08:30")];
    private static readonly (string, string)[] Attackers = [("email", "carol@example.org"), ("country", "XC"), ("jubilee", "false"), ("sendAt", "03:00")];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheVictimsLink_ConfirmsTheVictimsChoices_WhetherTheAttackerPostedBeforeOrAfter(bool attackerFirst)
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();

        var order = attackerFirst ? new[] { Attackers, Victims } : [Victims, Attackers];
        (await PostAsync(client, "/subscriptions", order[0])).Dispose();
        var first = Assert.Single(await mail.WaitForAsync(1));
        (await PostAsync(client, "/subscriptions", order[1])).Dispose();
        var second = (await mail.WaitForAsync(2)).Single(r => r.Message.MessageId != first.Message.MessageId);
        var (victimsEmail, attackersEmail) = attackerFirst ? (second, first) : (first, second);

        using var confirmed = await ConfirmAsync(client, victimsEmail);
        using var late = await ConfirmAsync(client, attackersEmail);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var stored = app.Get<SubscriptionStore>().FindByEmail("carol@example.org")!;
        Assert.Equal(SubscriptionState.Active, stored.State);
        Assert.Equal(("XB", true, new NodaTime.LocalTime(8, 30)), (string.Join(",", stored.Filter.Countries), stored.Filter.Jubilee, stored.SendAt));
    }

    [Fact]
    public async Task APostForAnActiveAddress_ChangesNothing_AndSendsANote()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();
        var before = app.Get<SubscriptionStore>().FindByEmail("alice@example.org")!;

        using var answer = await PostAsync(client, "/subscriptions", ("email", "alice@example.org"), ("country", "XC"), ("jubilee", "false"), ("sendAt", "03:00"));

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal("You already receive these reminders", Assert.Single(await mail.WaitForAsync(1)).Message.Subject);
        var after = app.Get<SubscriptionStore>().FindByEmail("alice@example.org")!;
        Assert.Equal((before.Filter.Key, before.SendAt, before.State, before.TokenStamp), (after.Filter.Key, after.SendAt, after.State, after.TokenStamp));
    }

    [Fact]
    public async Task AnUnconfirmedRequest_IsForgottenAfterAWeek_AndItsLinkStopsWorking()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();
        (await PostAsync(client, "/subscriptions", Victims)).Dispose();
        var email = Assert.Single(await mail.WaitForAsync(1));

        app.Clock.Advance(NodaTime.Duration.FromDays(8));
        (await PostAsync(client, "/subscriptions", ("email", "someone@example.org"))).Dispose();
        using var late = await ConfirmAsync(client, email);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Null(app.Get<SubscriptionStore>().FindByEmail("carol@example.org"));
        Assert.NotNull(app.Get<SubscriptionStore>().FindByEmail("someone@example.org"));
    }

    [Fact]
    public async Task AConfirmationLink_WorksForAWeek_EvenForAnAddressThatIsKept()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();
        var store = app.Get<SubscriptionStore>();
        store.Unsubscribe(store.FindByEmail("alice@example.org")!.Id);
        (await PostAsync(client, "/subscriptions", ("email", "alice@example.org"), ("country", "XC"))).Dispose();
        var email = Assert.Single(await mail.WaitForAsync(1));

        app.Clock.Advance(NodaTime.Duration.FromDays(8));
        using var late = await ConfirmAsync(client, email);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(SubscriptionState.Unsubscribed, store.FindByEmail("alice@example.org")!.State);
    }
}
