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
/// unsubscribe link: its text, HTML (Razor, then the stylesheet inlined) and .ics are made once per run and
/// completed for each subscriber, instead of rendered 10,000 times (the rendering took ten times as long as the SMTP
/// transaction).
/// </remarks>
internal sealed class ReminderEmail(CountryCatalog countries, MailboxAddress from, Uri site, string domain, EventSequences sequences, Instant factsModified)
{
    // Stand-ins that encoding leaves as they are (no character Razor, PreMailer or a URI would escape).
    private const string SomeAddress = "recipient.3f9c1a@placeholder.invalid";
    private static readonly Uri SomeUnsubscribe = new("https://placeholder.invalid/unsubscribe/3f9c1a");

    // Subscribers choose their filters and times: past this many distinct digests in one run, the cache starts again.
    private const int MaxTemplates = 256;

    private readonly Wording _wording = Wording.English(countries);
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    public async Task<MimeMessage> ComposeAsync(Subscription subscription, IReadOnlyList<DueReminder> due, Uri unsubscribe)
    {
        var ordered = due.OrderBy(r => r.DaysLeft).ThenBy(r => r.Occurrence.Title, StringComparer.Ordinal).ToList();
        var template = await TemplateFor(subscription, ordered);
        var message = new MimeMessage
        {
            Subject = template.Subject,
            MessageId = MessageIdFor(subscription.Id, ordered.Select(r => (r.Occurrence.Id, r.LeadDays)), domain),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(subscription.Name, subscription.Email));
        // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the link.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder
        {
            TextBody = template.Text.Replace(SomeUnsubscribe.AbsoluteUri, unsubscribe.AbsoluteUri, StringComparison.Ordinal),
            HtmlBody = template.Html
                .Replace(SomeUnsubscribe.AbsoluteUri, WebUtility.HtmlEncode(unsubscribe.AbsoluteUri), StringComparison.Ordinal)
                .Replace(SomeAddress, WebUtility.HtmlEncode(subscription.Email), StringComparison.Ordinal),
        };
        var ics = body.Attachments.Add("reminders.ics", template.Ics, new ContentType("text", "calendar"));
        // The Content-Type's method must match METHOD inside (RFC 6047 §2.4); PUBLISH is a copy, not an invitation.
        ics.ContentType.Parameters.Add("method", "PUBLISH");
        ics.ContentType.Charset = "utf-8";
        message.Body = body.ToMessageBody();
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

    /// <summary>"In 7 days: 35th anniversary of diplomatic relations, Kazakhstan – Italy (21 August 2027)".</summary>
    public static string Subject(IReadOnlyList<DueReminder> due, Wording wording)
    {
        var first = due[0];
        var one = $"{wording.SentenceStart(wording.Until(first.DaysLeft))}: {wording.Summary(first.Occurrence)} ({wording.DateText(first.Occurrence.Date)})";
        return due.Count == 1 ? one : $"{one}, and {due.Count - 1} more";
    }

    /// <summary>The digest for everyone who follows what <paramref name="subscription"/> follows and is owed <paramref name="ordered"/>.</summary>
    private async Task<Template> TemplateFor(Subscription subscription, IReadOnlyList<DueReminder> ordered)
    {
        var key = KeyOf(subscription, ordered);
        if (!_templates.TryGetValue(key, out var template))
        {
            var digest = ReminderDigest.For(subscription with { Email = SomeAddress }, ordered, _wording, site, SomeUnsubscribe);
            template = new Template(Subject(ordered, _wording), ReminderEmailBody.Text(digest), await ReminderEmailBody.HtmlAsync(digest), Ics(ordered));
            if (_templates.Count >= MaxTemplates)
            {
                _templates.Clear();
            }

            _templates[key] = template;
        }

        return template;
    }

    /// <summary>Everything a digest's body depends on but the address and the link: the filter, the ladders, the time, and each reminder.</summary>
    private static string KeyOf(Subscription subscription, IReadOnlyList<DueReminder> ordered)
    {
        var key = new StringBuilder()
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
    private byte[] Ics(IReadOnlyList<DueReminder> due)
    {
        var events = due.Select(reminder => FeedEvent.From(reminder.Occurrence, _wording, domain)).ToList();
        var sequence = sequences.Assign(events);
        var calendar = new IcalCalendar { ProductId = FeedBuilder.ProductId, Method = "PUBLISH" };
        foreach (var feedEvent in events)
        {
            calendar.Events.Add(feedEvent.ToCalendarEvent(sequence[feedEvent.Uid], factsModified));
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    private sealed record Template(string Subject, string Text, string Html, byte[] Ics);
}
