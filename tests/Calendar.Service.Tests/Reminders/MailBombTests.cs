using static Calendar.Service.Tests.Reminders.ReminderFacts;
using static Calendar.Service.Tests.Reminders.SelfServiceClient;

namespace Calendar.Service.Tests.Reminders;

/// <summary>The form cannot flood an inbox: at most three emails a day to one address, whoever asks, across restarts.</summary>
public class MailBombTests
{
    [Fact]
    public async Task AnAddress_GetsAtMostThreeEmailsADay_AndEveryAnswerIsTheSame_AcrossARestart()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var data = new TempFolder();
        var answers = new List<(HttpStatusCode, string)>();
        using (var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort, data.Path))
        {
            using var client = app.CreateHttpClient();
            foreach (var address in new[] { "victim@example.org", "VICTIM@example.org", "victim+1@example.org", "victim+2@Example.org" })
            {
                answers.Add(await Answer(client, address));
            }
        }

        using (var restarted = Host(facts, At(2027, 8, 14, 18, 0, "Europe/Rome"), mail.SmtpPort, data.Path))
        {
            using var client = restarted.CreateHttpClient();
            answers.Add(await Answer(client, "victim@example.org"));

            // A new day in the calendar's zone (Almaty): three more.
            restarted.Clock.Reset(At(2027, 8, 15, 9, 0, "Asia/Almaty"));
            answers.Add(await Answer(client, "victim@example.org"));
        }

        Assert.Equal(4, (await mail.WaitForAsync(4)).Count);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(4, (await mail.MessagesAsync()).Count);
        Assert.Equal(HttpStatusCode.Accepted, answers[0].Item1);
        Assert.Contains("Check your inbox", answers[0].Item2, StringComparison.Ordinal);
        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
    }

    [Fact]
    public async Task TheCap_IsPerAddress_OthersStillGetTheirs()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();

        for (var i = 0; i < 4; i++)
        {
            await Answer(client, "victim@example.org");
        }

        (await PostAsync(client, "/subscriptions", ("email", "someone@example.org"))).Dispose();

        var received = await mail.WaitForAsync(4);
        Assert.Equal(3, received.Count(r => r.To.Contains("victim@example.org")));
        Assert.Single(received, r => r.To.Contains("someone@example.org"));
    }

    /// <summary>What a stranger can compare: the status, and the page's text but for the address as typed.</summary>
    private static async Task<(HttpStatusCode, string)> Answer(HttpClient client, string address)
    {
        using var response = await PostAsync(client, "/subscriptions", ("email", address), ("country", "XB"));
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // Decoded first: the page may encode characters of the address ('+' as &#x2B;).
        return (response.StatusCode, WebUtility.HtmlDecode(text).Replace(address, "ADDRESS", StringComparison.Ordinal));
    }
}
