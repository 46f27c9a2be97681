using Calendar.Service.Tests.Feed;
using MimeKit;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>The digest's .ics says of each event what the feed says: a client holding both sees one event, not a stale copy.</summary>
public class ReminderAttachmentTests
{
    private const string Uid = "xa-xb-relations.2027@calendar.local";

    [Fact]
    public async Task TheIcsAttachment_CarriesTheFeedsSequenceDtstampAndLastModified()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Yaml);
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        Assert.Equal(0, (await FeedClient.ReadAsync(app)).Event(Uid).Sequence);

        // An editor adds a note: the anniversary's description changes, and the feed raises its SEQUENCE.
        facts.Write("facts.yaml", Yaml.Replace("    date: 1992-08-21\n", "    date: 1992-08-21\n    note: Reception at the embassy.\n", StringComparison.Ordinal));
        app.Get<Calendar.Service.Timeline.CalendarRefresher>().Refresh();
        var inFeed = (await FeedClient.ReadAsync(app)).Event(Uid);
        Assert.Equal(1, inFeed.Sequence);

        Assert.Equal(1, (await app.DispatchAsync()).Sent);
        var ics = Assert.Single(Assert.Single(await mail.WaitForAsync(1)).Message.Attachments.OfType<MimePart>());
        using var bytes = new MemoryStream();
        await ics.Content!.DecodeToAsync(bytes, TestContext.Current.CancellationToken);
        var attached = (await IcalJs.ReadAsync(bytes.ToArray())).Event(Uid);

        Assert.Equal((inFeed.Sequence, inFeed.Dtstamp, inFeed.LastModified, inFeed.Description), (attached.Sequence, attached.Dtstamp, attached.LastModified, attached.Description));
        Assert.Contains("Reception at the embassy.", attached.Description, StringComparison.Ordinal);
    }
}
