using System.Globalization;
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

/// <summary>One digest email: what is due for one subscription, grouped by how far off it is, with an .ics of the events.</summary>
internal static class ReminderEmail
{
    /// <remarks><c>sequences</c>: each event's SEQUENCE by UID, assigned once for a batch of digests (<see cref="EventSequences.Assign"/>).</remarks>
    public static async Task<MimeMessage> ComposeAsync(
        Subscription subscription, IReadOnlyList<DueReminder> due, CountryCatalog countries,
        MailboxAddress from, Uri site, Uri unsubscribe, string domain, IReadOnlyDictionary<string, int> sequences, Instant factsModified)
    {
        var ordered = due.OrderBy(r => r.DaysLeft).ThenBy(r => r.Occurrence.Title, StringComparer.Ordinal).ToList();
        var digest = ReminderDigest.For(subscription, ordered, Wording.English(countries), site, unsubscribe);
        var message = new MimeMessage
        {
            Subject = Subject(ordered, digest.Wording),
            MessageId = MessageIdFor(subscription.Id, ordered.Select(r => (r.Occurrence.Id, r.LeadDays)), domain),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(subscription.Name, subscription.Email));
        // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the link.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = ReminderEmailBody.Text(digest), HtmlBody = await ReminderEmailBody.HtmlAsync(digest) };
        var ics = body.Attachments.Add("reminders.ics", Ics(ordered, countries, domain, sequences, factsModified), new ContentType("text", "calendar"));
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

    /// <summary>The events as an iCalendar object with METHOD:PUBLISH: each VEVENT as the feed has it.</summary>
    /// <remarks>
    /// A client that holds the feed matches the attachment's events by UID and keeps whichever has the higher
    /// SEQUENCE (RFC 5546 §2.1.4): the feed's SEQUENCE, DTSTAMP and LAST-MODIFIED, not 0 and now, so that an
    /// attachment neither looks older than the feed nor overrides it.
    /// </remarks>
    private static byte[] Ics(IReadOnlyList<DueReminder> due, CountryCatalog countries, string domain, IReadOnlyDictionary<string, int> sequences, Instant factsModified)
    {
        var events = due.Select(reminder => FeedEvent.From(reminder.Occurrence, countries, domain)).ToList();
        var calendar = new IcalCalendar { ProductId = FeedBuilder.ProductId, Method = "PUBLISH" };
        foreach (var feedEvent in events)
        {
            calendar.Events.Add(feedEvent.ToCalendarEvent(sequences[feedEvent.Uid], factsModified));
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }
}
