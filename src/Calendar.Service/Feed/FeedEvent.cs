using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Unicode;
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
    /// <summary>The properties whose text is the event's own (<see cref="SetOwnText"/>); the others many events share (<see cref="FillShared"/>).</summary>
    public static IReadOnlyList<string> OwnTextNames { get; } = ["UID", "SUMMARY", "DESCRIPTION", "LOCATION", "URL"];

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
    /// <remarks>
    /// The first half of the SHA-256 of the UTF-8 of the fields joined by U+001F (the categories among themselves by
    /// U+001E), in hex. The database holds these: any other text would raise every event's SEQUENCE. The UTF-8 is written
    /// straight into a pooled buffer: joining the fields into a string first, then encoding it and hexing the whole hash,
    /// allocated a sixth of what a world feed's first build did.
    /// </remarks>
    public string ContentHash
    {
        get
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            for (var size = 4096; ; size *= 2)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(size);
                try
                {
                    if (Utf8.TryWrite(buffer, CultureInfo.InvariantCulture,
                        $"{Uid}\u001f{Summary}\u001f{Description}\u001f{Location}\u001f{Iso(Start)}\u001f{Iso(EndExclusive)}\u001f{(Tentative ? "T" : "C")}\u001f{string.Join('\u001e', Categories)}\u001f{Url?.AbsoluteUri}",
                        out var written))
                    {
                        SHA256.HashData(buffer.AsSpan(0, written), hash);
                        return Convert.ToHexStringLower(hash[..(SHA256.HashSizeInBytes / 2)]);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
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

    /// <summary>Clears <paramref name="vevent"/> and sets the properties whose text is this event's own (<see cref="OwnTextNames"/>).</summary>
    public void FillOwnText(CalendarEvent vevent)
    {
        vevent.Properties.Clear();
        foreach (var name in OwnTextNames)
        {
            var property = OwnTextProperty(name, Language);
            SetOwnText(property);
            if (property.Value is not null)
            {
                vevent.Properties.Add(property);
            }
        }
    }

    /// <summary>A property named one of <see cref="OwnTextNames"/>, for the text of events in <paramref name="language"/>: no value yet.</summary>
    /// <remarks>
    /// One per language, never switched from one to another: Ical.Net's parameter list keeps a removed parameter's name,
    /// and then ignores the next value set for it, so a LANGUAGE taken off for an English event would be missing from the
    /// next Russian one.
    /// </remarks>
    public static CalendarProperty OwnTextProperty(string name, Language language)
    {
        var property = new CalendarProperty(name);
        if (language != Language.En && name is "SUMMARY" or "DESCRIPTION")
        {
            // RFC 5545 §3.2.10: the language of the text. English, the default, has none, so that its bytes stay as they were.
            property.Parameters.Set("LANGUAGE", language.Tag());
        }

        return property;
    }

    /// <summary>
    /// Sets <paramref name="property"/>, made by <see cref="OwnTextProperty"/> for this event's language, to what this event
    /// says there: its value, or none when the event has none (a place, a link); whatever it held before is replaced.
    /// </summary>
    /// <remarks>
    /// <see cref="EventWriter"/> keeps one property of each name and serializes it for event after event: filling a
    /// <see cref="CalendarEvent"/> instead made five new properties an event, and a tenth of what a world feed's first
    /// build allocated.
    /// </remarks>
    public void SetOwnText(CalendarProperty property) =>
        property.Value = property.Name switch
        {
            "UID" => Uid,
            "SUMMARY" => Summary,
            "DESCRIPTION" => Description,
            "LOCATION" => Location,
            "URL" => Url,
            _ => throw new ArgumentException($"{property.Name} is not a property whose text is an event's own.", nameof(property)),
        };

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
