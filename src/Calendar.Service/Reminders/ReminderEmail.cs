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
    public static async Task<MimeMessage> ComposeAsync(
        Subscription subscription, IReadOnlyList<DueReminder> due, CountryCatalog countries, LocalDate today,
        MailboxAddress from, Uri site, Uri unsubscribe, string domain, Instant now)
    {
        var ordered = due.OrderBy(r => r.DaysLeft).ThenBy(r => r.Occurrence.Title, StringComparer.Ordinal).ToList();
        var digest = ReminderDigest.For(subscription, ordered, Wording.English(countries), site, unsubscribe);
        var message = new MimeMessage
        {
            Subject = Subject(ordered, digest.Wording),
            // Stable per subscription and day (RFC 5322 §3.6.4): a digest sent again is recognisably the same message.
            MessageId = $"reminders.{subscription.Id}.{today:yyyyMMdd}@{domain}",
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(subscription.Name, subscription.Email));
        // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the link.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = ReminderEmailBody.Text(digest), HtmlBody = await ReminderEmailBody.HtmlAsync(digest) };
        var ics = body.Attachments.Add("reminders.ics", Ics(ordered, countries, domain, now), new ContentType("text", "calendar"));
        // The Content-Type's method must match METHOD inside (RFC 6047 §2.4); PUBLISH is a copy, not an invitation.
        ics.ContentType.Parameters.Add("method", "PUBLISH");
        ics.ContentType.Charset = "utf-8";
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>"In 7 days: 35th anniversary of diplomatic relations, Kazakhstan – Italy (21 August 2027)".</summary>
    public static string Subject(IReadOnlyList<DueReminder> due, Wording wording)
    {
        var first = due[0];
        var one = $"{wording.SentenceStart(wording.Until(first.DaysLeft))}: {wording.Summary(first.Occurrence)} ({wording.DateText(first.Occurrence.Date)})";
        return due.Count == 1 ? one : $"{one}, and {due.Count - 1} more";
    }

    /// <summary>The events as an iCalendar object with METHOD:PUBLISH, the same UIDs as the feed.</summary>
    private static byte[] Ics(IReadOnlyList<DueReminder> due, CountryCatalog countries, string domain, Instant now)
    {
        var calendar = new IcalCalendar { ProductId = FeedBuilder.ProductId, Method = "PUBLISH" };
        foreach (var reminder in due)
        {
            calendar.Events.Add(FeedEvent.From(reminder.Occurrence, countries, domain).ToCalendarEvent(sequence: 0, now));
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }
}
