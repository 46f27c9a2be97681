using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Calendar.Core;
using Calendar.Service.Feed;
using Calendar.Service.Subscriptions;
using Calendar.Service.Upcoming;
using Ical.Net.Serialization;
using MimeKit;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;

namespace Calendar.Service.Reminders;

/// <summary>One digest email: what is due for one subscription, grouped by how far off it is, with an .ics of the events.</summary>
internal static class ReminderEmail
{
    public static MimeMessage Compose(
        Subscription subscription, IReadOnlyList<DueReminder> due, CountryCatalog countries,
        MailboxAddress from, Uri unsubscribe, string domain, EventSequences sequences, Instant factsModified)
    {
        var ordered = due.OrderBy(r => r.DaysLeft).ThenBy(r => r.Occurrence.Title, StringComparer.Ordinal).ToList();
        var message = new MimeMessage
        {
            Subject = Subject(ordered, countries),
            MessageId = MessageIdFor(subscription.Id, ordered.Select(r => (r.Occurrence.Id, r.LeadDays)), domain),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(subscription.Name, subscription.Email));
        // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the link.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = Text(ordered, countries, unsubscribe), HtmlBody = Html(ordered, countries, unsubscribe) };
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
    public static string Subject(IReadOnlyList<DueReminder> due, CountryCatalog countries)
    {
        var first = due[0];
        var one = $"{Capitalised(ReminderPlan.When(first.DaysLeft))}: {Headline(first.Occurrence, countries)} ({first.Occurrence.Date.ToDisplayString()})";
        return due.Count == 1 ? one : $"{one}, and {due.Count - 1} more";
    }

    private static string Headline(Occurrence occurrence, CountryCatalog countries) =>
        occurrence.Countries.Count == 0 ? occurrence.Subject : $"{occurrence.Subject}, {string.Join(" – ", occurrence.Countries.Select(countries.NameOf))}";

    private static IEnumerable<IGrouping<int, DueReminder>> ByDistance(IReadOnlyList<DueReminder> due) =>
        due.GroupBy(r => r.DaysLeft).OrderByDescending(group => group.Key);

    private static string Text(IReadOnlyList<DueReminder> due, CountryCatalog countries, Uri unsubscribe)
    {
        var text = new StringBuilder();
        foreach (var group in ByDistance(due))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Capitalised(ReminderPlan.When(group.Key))}\n\n");
            foreach (var reminder in group)
            {
                foreach (var line in Details(reminder, countries))
                {
                    text.Append(line).Append('\n');
                }

                text.Append('\n');
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"The attached reminders.ics adds these events to a calendar.\nStop these reminders: {unsubscribe.AbsoluteUri}\n");
        return text.ToString();
    }

    private static string Html(IReadOnlyList<DueReminder> due, CountryCatalog countries, Uri unsubscribe)
    {
        static string E(string text) => System.Net.WebUtility.HtmlEncode(text);
        var html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">");
        foreach (var group in ByDistance(due))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(Capitalised(ReminderPlan.When(group.Key)))}</h2>");
            foreach (var reminder in group)
            {
                var lines = Details(reminder, countries).ToList();
                html.Append(CultureInfo.InvariantCulture, $"<h3>{E(lines[0])}</h3><p>");
                html.AppendJoin("<br>", lines.Skip(1).Select(E)).Append("</p>");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>The attached reminders.ics adds these events to a calendar.</p><p><a href=\"{E(unsubscribe.AbsoluteUri)}\">Stop these reminders</a></p></body></html>");
        return html.ToString();
    }

    private static IEnumerable<string> Details(DueReminder reminder, CountryCatalog countries)
    {
        var occurrence = reminder.Occurrence;
        yield return occurrence.Title;
        yield return occurrence.Date.Precision == DatePrecision.Day
            ? $"Date: {occurrence.Date.FirstDay.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : $"Date: {occurrence.Date.ToDisplayString()} (the source gives no day)";
        if (occurrence.Ordinal is { } ordinal)
        {
            yield return $"Anniversary: the {Ordinals.English(ordinal)}{(occurrence.IsJubilee == true ? ", a jubilee" : "")}, of {occurrence.Fact.Date.ToDisplayString()}";
        }

        yield return $"Countries: {string.Join(", ", occurrence.Countries.Select(countries.NameOf))}";
        if (LocationJson.Of(occurrence, countries) is { } place)
        {
            yield return $"Place: {place.Label}";
        }

        if (occurrence.Status == FactStatus.Planned)
        {
            yield return "Status: planned, not confirmed";
        }

        foreach (var source in occurrence.Fact.Sources)
        {
            yield return source.Url is null ? $"Source: {source.Citation}" : $"Source: {source.Citation} {source.Url.AbsoluteUri}";
        }

        if (reminder.IsLate)
        {
            yield return $"(Late: this reminder was due on {PartialDate.OfDay(reminder.DueOn).ToDisplayString()}, {reminder.LeadDays} days ahead.)";
        }
    }

    /// <summary>The events as an iCalendar object with METHOD:PUBLISH: each VEVENT as the feed has it.</summary>
    /// <remarks>
    /// A client that holds the feed matches the attachment's events by UID and keeps whichever has the higher
    /// SEQUENCE (RFC 5546 §2.1.4): the feed's SEQUENCE, DTSTAMP and LAST-MODIFIED, not 0 and now, so that an
    /// attachment neither looks older than the feed nor overrides it.
    /// </remarks>
    private static byte[] Ics(IReadOnlyList<DueReminder> due, CountryCatalog countries, string domain, EventSequences sequences, Instant factsModified)
    {
        var events = due.Select(reminder => FeedEvent.From(reminder.Occurrence, countries, domain)).ToList();
        var sequence = sequences.Assign(events);
        var calendar = new IcalCalendar { ProductId = FeedBuilder.ProductId, Method = "PUBLISH" };
        foreach (var feedEvent in events)
        {
            calendar.Events.Add(feedEvent.ToCalendarEvent(sequence[feedEvent.Uid], factsModified));
        }

        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
