using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Calendar.Core;
using Calendar.Service.Feed;
using Calendar.Service.Subscriptions;
using Ical.Net.Serialization;
using MimeKit;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;

namespace Calendar.Service.Reminders;

/// <summary>The digest emails of one dispatch run: what is due for a subscription, grouped by how far off it is, with an .ics of the events.</summary>
/// <remarks>
/// Subscribers who follow the same things at the same times get the same digest but for their address and their
/// unsubscribe link: its headers, text, HTML (Razor, then the stylesheet inlined) and encoded .ics are made once per
/// run and completed for each subscriber, instead of rendered 10,000 times (the rendering took ten times as long as the
/// SMTP transaction). Completing one is copying bytes: searching the texts for stand-ins, re-encoding them, formatting
/// the shared headers and encoding the .ics for each message took as long as the SMTP transaction.
/// </remarks>
internal sealed class ReminderEmail(CountryCatalog countries, MailboxAddress from, Uri site, string domain, EventSequences sequences, Instant factsModified)
{
    // Stand-ins that encoding leaves as they are (no character Razor, PreMailer or a URI would escape).
    private const string SomeAddress = "recipient.3f9c1a@placeholder.invalid";
    private static readonly Uri SomeUnsubscribe = new("https://placeholder.invalid/unsubscribe/3f9c1a");

    // Subscribers choose their filters and times: past this many distinct digests in one run, the cache starts again.
    private const int MaxTemplates = 256;

    private readonly Wording _english = Wording.English(countries);
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    /// <summary>The digest of <paramref name="due"/> for <paramref name="subscription"/>, as the message <paramref name="messageId"/> (<see cref="MessageIdFor"/> when it was claimed).</summary>
    public async Task<MimeMessage> ComposeAsync(Subscription subscription, IReadOnlyList<DueReminder> due, Uri unsubscribe, string messageId)
    {
        var ordered = due.OrderBy(r => r.DaysLeft).ThenBy(r => r.Occurrence.Title, StringComparer.Ordinal).ToList();
        var template = await TemplateFor(subscription, ordered);
        // The headers every subscriber of the template gets (Date, Subject, ...), formatted once: a clone copies their bytes.
        var message = new MimeMessage(template.Headers.Select(header => header.Clone())) { MessageId = messageId };
        // Its own copy: an address list subscribes to its addresses' changes, so one shared address kept every message of the run alive.
        message.From.Add(from.Clone());
        message.To.Add(new MailboxAddress(subscription.Name, subscription.Email));
        // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the link.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");

        var link = unsubscribe.AbsoluteUri;
        var text = BodyPart("plain", template.Text.Fill(link));
        var html = BodyPart("html", template.Html.Fill(WebUtility.HtmlEncode(link), WebUtility.HtmlEncode(subscription.Email)));
        // Already encoded, once for everyone: MimeKit writes it as it is. Its headers are made whole before the part
        // (each parameter added to a part's Content-Type formats the header again).
        var type = new ContentType("text", "calendar") { Charset = "utf-8", Name = "reminders.ics" };
        // The Content-Type's method must match METHOD inside (RFC 6047 §2.4); PUBLISH is a copy, not an invitation.
        type.Parameters.Add("method", "PUBLISH");
        var ics = new MimePart(type)
        {
            Content = new MimeContent(new MemoryStream(template.Ics, writable: false), template.IcsEncoding),
            ContentTransferEncoding = template.IcsEncoding,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "reminders.ics" },
        };
        message.Body = new Multipart("mixed") { new MultipartAlternative { text, html }, ics };
        return message;
    }

    /// <summary><c>reminders.{subscription}.{hash of the (occurrence, lead) pairs}@{domain}</c>.</summary>
    /// <remarks>
    /// RFC 5322 §3.6.4: every distinct message its own identifier. Derived from what the digest carries rather
    /// than from the day, so that a digest sent again after a failure is recognisably the same message (a server
    /// that took the first attempt after all can drop the copy), and two different digests never share one.
    /// </remarks>
    public static string MessageIdFor(long subscriptionId, IEnumerable<(string OccurrenceId, int LeadDays)> reminders, string domain)
    {
        var pairs = reminders.Select(r => $"{r.OccurrenceId}\u001f{r.LeadDays.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', pairs)));
        return $"reminders.{subscriptionId.ToString(CultureInfo.InvariantCulture)}.{Convert.ToHexStringLower(hash)[..32]}@{domain}";
    }

    /// <summary>"In 7 days: 35th anniversary of diplomatic relations, Kazakhstan – Italy (21 August 2027)", in the wording's language.</summary>
    public static string Subject(IReadOnlyList<DueReminder> due, Wording wording)
    {
        var first = due[0];
        var one = $"{wording.SentenceStart(wording.Until(first.DaysLeft))}: {wording.Summary(first.Occurrence)} ({wording.DateText(first.Occurrence.Date)})";
        return due.Count == 1 ? one : one + EmailText.For(wording.LanguageOf()).AndMore(due.Count - 1);
    }

    /// <summary>The digest for everyone who follows what <paramref name="subscription"/> follows and is owed <paramref name="ordered"/>.</summary>
    private async Task<Template> TemplateFor(Subscription subscription, IReadOnlyList<DueReminder> ordered)
    {
        var key = KeyOf(subscription, ordered);
        if (!_templates.TryGetValue(key, out var template))
        {
            // The subscription's language for everything it reads, subject included.
            var wording = subscription.Language == Language.En ? _english : Wording.For(subscription.Language, countries);
            var digest = ReminderDigest.For(subscription with { Email = SomeAddress }, ordered, wording, site, SomeUnsubscribe);
            template = Template.Of(Subject(ordered, wording), ReminderEmailBody.Text(digest), await ReminderEmailBody.HtmlAsync(digest), Ics(ordered, wording));
            if (_templates.Count >= MaxTemplates)
            {
                _templates.Clear();
            }

            _templates[key] = template;
        }

        return template;
    }

    /// <summary>Everything a digest's body depends on but the address and the link: the language, the filter, the ladders, the time, and each reminder.</summary>
    private static string KeyOf(Subscription subscription, IReadOnlyList<DueReminder> ordered)
    {
        var key = new StringBuilder()
            .Append(subscription.Language.Tag()).Append('|')
            .AppendJoin(',', subscription.Filter.Countries.Select(c => c.ToString()).Order(StringComparer.Ordinal)).Append('|')
            .AppendJoin(',', subscription.Filter.Kinds.Order(StringComparer.Ordinal)).Append('|')
            .Append(subscription.Filter.Jubilee switch { true => "1", false => "0", null => "-" }).Append('|')
            .AppendJoin(',', subscription.LeadDays).Append('|').AppendJoin(',', subscription.JubileeLeadDays).Append('|')
            .Append(subscription.TimeZone.Id).Append('|').Append(subscription.SendAt.ToString("HH:mm", CultureInfo.InvariantCulture));
        foreach (var reminder in ordered)
        {
            key.Append(CultureInfo.InvariantCulture, $"|{reminder.Occurrence.Id}:{reminder.LeadDays}:{reminder.DaysLeft}:{reminder.IsLate}:{reminder.DueOn:yyyy-MM-dd}");
        }

        return key.ToString();
    }

    /// <summary>The events as an iCalendar object with METHOD:PUBLISH: each VEVENT as the feed has it.</summary>
    /// <remarks>
    /// A client that holds the feed matches the attachment's events by UID and keeps whichever has the higher
    /// SEQUENCE (RFC 5546 §2.1.4): the feed's SEQUENCE, DTSTAMP and LAST-MODIFIED, not 0 and now, so that an
    /// attachment neither looks older than the feed nor overrides it.
    /// </remarks>
    private byte[] Ics(IReadOnlyList<DueReminder> due, Wording wording)
    {
        // In the subscriber's language, with that language's SEQUENCEs: the events are those of the feed in it, hash for hash.
        var events = due.Select(reminder => FeedEvent.From(reminder.Occurrence, wording, domain)).ToList();
        var sequence = sequences.Assign(events, wording.LanguageOf());
        var calendar = new IcalCalendar { ProductId = FeedBuilder.ProductId, Method = "PUBLISH" };
        foreach (var feedEvent in events)
        {
            calendar.Events.Add(feedEvent.ToCalendarEvent(sequence[feedEvent.Uid], factsModified));
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    /// <summary>A text part of the digest (its transfer encoding is MimeKit's choice when it is sent, as the server allows).</summary>
    private static TextPart BodyPart(string subtype, byte[] utf8)
    {
        var part = new TextPart(subtype) { Content = new MimeContent(new MemoryStream(utf8, writable: false)) };
        part.ContentType.Charset = "utf-8";
        return part;
    }

    /// <summary>What a digest's message has for everyone who gets it: headers, bodies with blanks for the address and the link, and the encoded .ics.</summary>
    private sealed record Template(IReadOnlyList<Header> Headers, TextWithBlanks Text, TextWithBlanks Html, byte[] Ics, ContentEncoding IcsEncoding)
    {
        public static Template Of(string subject, string text, string html, byte[] ics)
        {
            var headers = new MimeMessage { Subject = subject }.Headers;
            headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            // RFC 3834: an automatic message; out-of-office replies should not answer it.
            headers.Add("Auto-Submitted", "auto-generated");
            // As MimeKit attaches a text file: the encoding that keeps it 7-bit, done here once.
            var part = new TextPart("calendar") { Content = new MimeContent(new MemoryStream(ics, writable: false)) };
            part.ContentTransferEncoding = part.GetBestEncoding(EncodingConstraint.SevenBit);
            var options = FormatOptions.Default.Clone();
            options.NewLineFormat = NewLineFormat.Dos;
            using var encoded = new MemoryStream();
            part.WriteTo(options, encoded, contentOnly: true);
            return new Template(
                [.. headers.Where(header => header.Id is HeaderId.Date or HeaderId.Subject || header.Field is "List-Unsubscribe-Post" or "Auto-Submitted")],
                TextWithBlanks.Cut(text, SomeUnsubscribe.AbsoluteUri),
                TextWithBlanks.Cut(html, SomeUnsubscribe.AbsoluteUri, SomeAddress),
                encoded.ToArray(),
                part.ContentTransferEncoding);
        }
    }
}
