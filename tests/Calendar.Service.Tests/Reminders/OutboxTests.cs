using Calendar.Service.Reminders;
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
    public async Task AnOutboxFile_DeclaresHowEachTextPartIsEncoded_AndReadsBackAsWritten()
    {
        using var folder = new TempFolder();
        var outbox = new OutboxMailTransport(folder.Path);
        var kazakh = "Қазақстан – Италия: дипломатиялық қатынастардың 35 жылдығы";
        var longLine = string.Concat(Enumerable.Repeat("Astana – Roma ", 100));
        var message = new MimeMessage { Subject = "Outbox", MessageId = "outbox.test@calendar.local" };
        message.From.Add(new MailboxAddress("Calendar", "calendar@example.org"));
        message.To.Add(new MailboxAddress("Alice", "alice@example.org"));
        message.Body = new MultipartAlternative { new TextPart("plain") { Text = kazakh }, new TextPart("html") { Text = $"<p>{longLine}</p>" } };

        await using (var session = await outbox.OpenAsync(TestContext.Current.CancellationToken))
        {
            await session.SendAsync(message, TestContext.Current.CancellationToken);
        }

        var written = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(folder.Path, "*.eml")), TestContext.Current.CancellationToken);
        var parts = written.BodyParts.OfType<TextPart>().ToList();
        // What the file's own headers say, not what the writer meant: an undeclared encoding reads as 7-bit.
        Assert.Equal([ContentEncoding.EightBit, ContentEncoding.QuotedPrintable], parts.Select(part => part.ContentTransferEncoding));
        Assert.Equal(kazakh, parts[0].Text);
        Assert.Equal($"<p>{longLine}</p>", parts[1].Text);
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
