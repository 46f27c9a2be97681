using System.Security.Cryptography;
using System.Text;
using Calendar.Core;
using Ical.Net;
using Ical.Net.CalendarComponents;
using NodaTime;
using NodaTime.Text;
using CalDateTime = Ical.Net.DataTypes.CalDateTime;

namespace Calendar.Service.Feed;

/// <summary>What one VEVENT says about an occurrence, before it is stamped and given its SEQUENCE.</summary>
/// <remarks>
/// Only day- and month-precision occurrences are listed: an all-day event spanning a month says "some day in
/// this month" honestly, but an event spanning a whole year would sit on every day of a subscriber's calendar
/// for a year. Year-precision occurrences are on the page and the JSON endpoint instead.
/// </remarks>
internal sealed record FeedEvent(
    string Uid,
    string Summary,
    string Description,
    string? Location,
    LocalDate Start,
    LocalDate EndExclusive,
    bool Tentative,
    IReadOnlyList<string> Categories,
    Uri? Url,
    Language Language = Language.En)
{
    public static bool IsListed(Occurrence occurrence) => occurrence.Date.Precision != DatePrecision.Year;

    public static FeedEvent From(Occurrence occurrence, CountryCatalog countries, string uidDomain) =>
        From(occurrence, Wording.English(countries), uidDomain);

    public static FeedEvent From(Occurrence occurrence, Wording wording, string uidDomain)
    {
        var date = occurrence.Date;
        var summary = wording.Summary(occurrence);
        if (date.Precision == DatePrecision.Month)
        {
            // The grid shows it on every day of the month: the summary says which month, and that the day is not known.
            summary += $" ({wording.FullDateText(date)})";
        }

        var categories = occurrence.Ordinal is null
            ? new List<string> { occurrence.Fact.Kind.Name() }
            : [Occurrence.AnniversaryKind, occurrence.Fact.Kind.Name()];
        if (occurrence.IsJubilee == true)
        {
            categories.Add("jubilee");
        }

        return new FeedEvent(
            // RFC 5545 §3.8.4.7: globally unique and persistent; the occurrence id is stable across restarts, days and filters.
            $"{occurrence.Id}@{uidDomain}",
            summary,
            string.Join('\n', wording.Overview(occurrence).Select(line => $"{line.Label}: {line.Text}").Prepend(wording.Title(occurrence))),
            wording.Place(occurrence.Place),
            date.FirstDay,
            // RFC 5545 §3.6.1: for a DATE value, DTEND is the day after the event's last day.
            date.LastDay.PlusDays(1),
            occurrence.Status == FactStatus.Planned,
            categories,
            occurrence.Fact.Sources.Select(source => source.Url).FirstOrDefault(url => url is not null),
            wording.LanguageOf());
    }

    /// <summary>A hash of everything a subscriber sees, so that SEQUENCE rises when, and only when, it changes.</summary>
    public string ContentHash
    {
        get
        {
            var text = string.Join('\u001f',
                [Uid, Summary, Description, Location ?? "", Iso(Start), Iso(EndExclusive),
                 Tentative ? "T" : "C", string.Join('\u001e', Categories), Url?.AbsoluteUri ?? ""]);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        }
    }

    /// <summary>The VEVENT; text is escaped and folded by Ical.Net's serializer, never by hand.</summary>
    public CalendarEvent ToCalendarEvent(int sequence, Instant stamp) => Fill(new CalendarEvent(), sequence, stamp);

    /// <summary>Sets every property of the VEVENT on <paramref name="vevent"/>, which may hold another event's.</summary>
    /// <remarks>
    /// A serializing thread reuses one event for all its events: a new <see cref="CalendarEvent"/> draws a random UID
    /// and stamps the time before they are overwritten, a quarter of a feed's serializing time and most of its garbage.
    /// Its properties are cleared first, so nothing of the previous event is left (setting a property to null does not
    /// remove it: the golden bytes test saw a place go missing); Ical.Net writes properties in order of their names, so
    /// the bytes are those of a new event.
    /// </remarks>
    public CalendarEvent Fill(CalendarEvent vevent, int sequence, Instant stamp)
    {
        FillOwnText(vevent);
        FillShared(vevent, sequence, stamp);
        return vevent;
    }

    /// <summary>Sets the properties that many events share (<see cref="EventWriter"/>): the dates, the stamps, SEQUENCE, STATUS, TRANSP and CATEGORIES.</summary>
    /// <remarks>Each of them is set, whatever <paramref name="vevent"/> held before; nothing else is touched.</remarks>
    public void FillShared(CalendarEvent vevent, int sequence, Instant stamp)
    {
        // DTSTAMP would default to the moment of building, and every build would give new bytes. In a calendar
        // without METHOD, RFC 5545 §3.8.7.2 makes it when the information was last revised in the store: here,
        // when the facts last changed, as LAST-MODIFIED (§3.8.7.3).
        var stamped = new CalDateTime(stamp.ToDateTimeUtc());
        // All-day, VALUE=DATE, no time zone: an anniversary is the same date everywhere.
        vevent.DtStart = new CalDateTime(Start.ToDateOnly());
        vevent.DtEnd = new CalDateTime(EndExclusive.ToDateOnly());
        vevent.DtStamp = stamped;
        vevent.LastModified = stamped;
        vevent.Sequence = sequence;
        vevent.Status = Tentative ? EventStatus.Tentative : EventStatus.Confirmed;
        // An anniversary does not make anyone busy.
        vevent.Transparency = TransparencyType.Transparent;
        vevent.Categories = [.. Categories];
    }

    /// <summary>Clears <paramref name="vevent"/> and sets the properties whose text is this event's own (<see cref="EventWriter"/>).</summary>
    public void FillOwnText(CalendarEvent vevent)
    {
        vevent.Properties.Clear();
        vevent.Uid = Uid;
        vevent.Summary = Summary;
        vevent.Description = Description;
        if (Language != Language.En)
        {
            // RFC 5545 §3.2.10: the language of the text. English, the default, has none, so that its bytes stay as they were.
            vevent.Properties["SUMMARY"]!.Parameters.Set("LANGUAGE", Language.Tag());
            vevent.Properties["DESCRIPTION"]!.Parameters.Set("LANGUAGE", Language.Tag());
        }

        vevent.Location = Location;
        vevent.Url = Url;
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
