using MimeKit;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

public class OutboxTests
{
    [Fact]
    public async Task WithoutAnSmtpServer_TheQuartzJobWritesTheDigestToTheOutboxShortlyAfterStart()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Yaml);
        // The real scheduler this time: the job's first run comes one interval after start.
        using var app = new CalendarApplication(facts.Path, At(2027, 8, 14, 9, 30, "Europe/Rome"))
            .With("Calendar:Subscriptions:0:Email", "alice@example.org")
            .With("Calendar:Subscriptions:0:Countries:0", "XB")
            .With("Calendar:Subscriptions:0:TimeZone", "Europe/Rome")
            .With("Calendar:Reminders:Interval", "00:00:01");
        app.Start();
        var outbox = Path.Combine(app.DataPath, "outbox");

        var files = await Eventually.Get(
            () => Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml") : [], found => found.Length > 0, "an .eml file in the outbox", TimeSpan.FromSeconds(30));

        var message = await MimeMessage.LoadAsync(Assert.Single(files), TestContext.Current.CancellationToken);
        Assert.Equal("In 7 days: 35th anniversary of diplomatic relations, Xanadu – Brobdingnag (21 August 2027)", message.Subject);
        Assert.Equal("alice@example.org", message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task AnInvalidConfiguredSubscription_StopsTheServiceNamingTheEntryAndField()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Yaml);

        var (exitCode, _, error) = await ServiceProcess.RunAsync(
            facts.Path, "--urls", "http://127.0.0.1:0", $"--Calendar:FactsPath={facts.Path}", $"--Calendar:DataPath={Path.Combine(facts.Path, "data")}",
            "--Calendar:Subscriptions:0:Email=alice@example.org", "--Calendar:Subscriptions:0:TimeZone=Mars/Olympus", "--Calendar:Subscriptions:0:Countries:0=QQ");

        Assert.Equal(1, exitCode);
        Assert.Contains("Calendar:Subscriptions:0:TimeZone: 'Mars/Olympus' is not an IANA time zone id", error, StringComparison.Ordinal);
        Assert.Contains("Calendar:Subscriptions:0:Countries: 'QQ'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnSmtpHostWithoutAnExplicitTlsMode_StopsTheService()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Yaml);

        var (exitCode, _, error) = await ServiceProcess.RunAsync(
            facts.Path, "--urls", "http://127.0.0.1:0", $"--Calendar:FactsPath={facts.Path}", $"--Calendar:DataPath={Path.Combine(facts.Path, "data")}", "--Calendar:Smtp:Host=mail.example.org");

        Assert.Equal(1, exitCode);
        Assert.Contains("Calendar:Smtp:Security must be set", error, StringComparison.Ordinal);
    }
}
