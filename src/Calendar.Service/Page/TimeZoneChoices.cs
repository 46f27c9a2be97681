using System.Globalization;
using Calendar.Core;
using NodaTime.TimeZones;

namespace Calendar.Service.Page;

/// <summary>A group of the reminder form's time zones: "On this calendar", "Everywhere".</summary>
public sealed record TimeZoneGroup(string Label, IReadOnlyList<TimeZoneChoice> Zones);

/// <summary>One IANA zone, as people find it: "Italy · Rome", «Италия · Rome».</summary>
/// <remarks>
/// The country is in the page's language; the city stays as the tz database spells it: .NET on Linux gives a zone's
/// display name in the process's one UI culture only, and has no API for ICU's exemplar cities in another language.
/// </remarks>
public sealed record TimeZoneChoice(string Id, string Label, bool Selected);

/// <summary>The zones the reminder form offers: those of the calendar's countries first, then every zone of NodaTime's tz database by country.</summary>
/// <remarks>From the database's zone.tab (<see cref="TzdbDateTimeZoneSource.ZoneLocations"/>), so that every zone is one a subscription accepts.</remarks>
internal static class TimeZoneChoices
{
    private static readonly IReadOnlyList<(string CountryCode, string Id, string Place)> Locations =
        [.. (TzdbDateTimeZoneSource.Default.ZoneLocations ?? [])
            .Select(location => (location.CountryCode, location.ZoneId, Place(location)))];

    public static IReadOnlyList<TimeZoneGroup> For(IReadOnlyList<CountryCode> inFacts, Wording wording, PageText text, string selected)
    {
        // Cyrillic in the language's alphabetical order (Kazakh's Ә, Қ, Ү… sit among the Russian letters); English as before.
        var order = wording.Language == Language.En.Tag() ? StringComparer.Ordinal : StringComparer.Create(CultureInfo.GetCultureInfo(wording.Language), ignoreCase: false);
        var here = inFacts.Select(code => code.Value).ToHashSet(StringComparer.Ordinal);
        var all = Locations
            .Select(location => (Country: CountryCode.TryParse(location.CountryCode, out var code) ? wording.CountryName(code) : location.CountryCode, location.Id, location.Place, location.CountryCode))
            .OrderBy(location => location.Country, order).ThenBy(location => location.Place, StringComparer.Ordinal)
            .ToList();
        var onThisCalendar = all.Where(location => here.Contains(location.CountryCode)).ToList();
        // The selected zone is marked once: in the first group that has it.
        var selectHere = onThisCalendar.Any(location => location.Id == selected);
        TimeZoneChoice Choice((string Country, string Id, string Place, string CountryCode) location, bool mark) =>
            new(location.Id, $"{location.Country} · {location.Place}", mark && location.Id == selected);

        var groups = new List<TimeZoneGroup>();
        // A zone that zone.tab does not list (UTC, an alias) can still be the configured default: offer it first.
        var listed = Locations.Any(location => location.Id == selected);
        if (!listed)
        {
            groups.Add(new TimeZoneGroup(text.DefaultZone, [new TimeZoneChoice(selected, selected, true)]));
        }

        groups.Add(new TimeZoneGroup(text.OnThisCalendar, [.. onThisCalendar.Select(location => Choice(location, selectHere))]));
        groups.Add(new TimeZoneGroup(text.Everywhere, [.. all.Select(location => Choice(location, listed && !selectHere)), new TimeZoneChoice("UTC", "UTC", false)]));
        return groups;
    }

    /// <summary>"Rome", "Almaty (most of Kazakhstan)": the zone's city, and zone.tab's comment where one country has several.</summary>
    private static string Place(TzdbZoneLocation location)
    {
        var city = location.ZoneId[(location.ZoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return string.IsNullOrEmpty(location.Comment) ? city
            : location.Comment.StartsWith(city, StringComparison.Ordinal) ? location.Comment
            : $"{city} ({location.Comment})";
    }
}
