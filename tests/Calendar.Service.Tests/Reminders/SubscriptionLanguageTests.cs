using static Calendar.Service.Tests.Reminders.ReminderFacts;
using static Calendar.Service.Tests.Reminders.SelfServiceClient;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A subscription's language: the form's and the admin API's <c>language</c>, and the emails written in it.</summary>
public class SubscriptionLanguageTests
{
    [Fact]
    public async Task TheFormInRussian_SendsTheConfirmationInRussian()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();

        using var answer = await PostAsync(client, "/subscriptions", ("email", "olga@example.org"), ("country", "XB"), ("language", "ru"));

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var confirmation = (await mail.WaitForAsync(1)).Single(r => r.To.Contains("olga@example.org"));
        Assert.Equal("Подтвердите напоминания о дипломатических годовщинах", confirmation.Message.Subject);
        Assert.Contains("/subscriptions/confirm?token=", confirmation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownLanguage_IsRefusedNamingTheField()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();

        using var answer = await PostAsync(client, "/subscriptions", ("email", "olga@example.org"), ("language", "de"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("unknown language &#x27;de&#x27;: expected one of en, ru, kk", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
