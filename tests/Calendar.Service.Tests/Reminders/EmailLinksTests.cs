using static Calendar.Service.Tests.Reminders.ReminderFacts;
using static Calendar.Service.Tests.Reminders.SelfServiceClient;

namespace Calendar.Service.Tests.Reminders;

/// <summary>Links in emails point where people reach the service, and the log says which address that is.</summary>
public class EmailLinksTests
{
    [Fact]
    public async Task WithoutPublicBaseUrl_TheStartLogNamesTheListeningAddressThatEmailsUse()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Yaml);
        var port = MailDev.FreePort();

        var output = await ServiceProcess.OutputUntilAsync(
            facts.Path, new Dictionary<string, string>(), line => line.Contains("Links in emails use", StringComparison.Ordinal),
            "--urls", $"http://127.0.0.1:{port}", $"--Calendar:FactsPath={facts.Path}", $"--Calendar:DataPath={Path.Combine(facts.Path, "data")}");

        Assert.Contains($"Links in emails use http://127.0.0.1:{port}/, derived from where the service listens: set Calendar:PublicBaseUrl", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithPublicBaseUrl_TheStartLogNamesIt()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Yaml);

        var output = await ServiceProcess.OutputUntilAsync(
            facts.Path, new Dictionary<string, string> { ["Logging__LogLevel__Calendar.Service.PublicAddress"] = "Information" },
            line => line.Contains("Links in emails use", StringComparison.Ordinal),
            "--urls", "http://127.0.0.1:0", $"--Calendar:FactsPath={facts.Path}", $"--Calendar:DataPath={Path.Combine(facts.Path, "data")}",
            "--Calendar:PublicBaseUrl=https://calendar.example.org/mfa");

        Assert.Contains("Links in emails use https://calendar.example.org/mfa/ (Calendar:PublicBaseUrl)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutPublicBaseUrl_AConfirmationEmailLinksToWhereTheServiceListens()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort).With("Calendar:PublicBaseUrl", null);
        using var client = app.CreateHttpClient();

        (await PostAsync(client, "/subscriptions", ("email", "carol@example.org"))).Dispose();
        var link = ConfirmationLink(Assert.Single(await mail.WaitForAsync(1)));

        Assert.Equal(app.BaseAddress.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        using var confirmed = await ConfirmAsync(client, Assert.Single(await mail.MessagesAsync()));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }
}
