using Calendar.Core;
using NodaTime;

namespace Calendar.Service.Upcoming;

/// <summary>One occurrence as clients read it.</summary>
/// <remarks>
/// <c>id, kind, title, date, precision, countries, ordinal, jubilee, daysUntil, location, sources</c> are a
/// contract: add fields, never rename or remove them. <c>date</c> is the first day of a period occurrence.
/// </remarks>
internal sealed record OccurrenceJson(
    string Id,
    string Kind,
    string FactId,
    string FactKind,
    string Title,
    string Subject,
    LocalDate Date,
    LocalDate EndDate,
    string Precision,
    string DisplayDate,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> CountryNames,
    int? Ordinal,
    bool? Jubilee,
    int DaysUntil,
    string Until,
    LocationJson? Location,
    string Status,
    string? StatusText,
    IReadOnlyList<string> Participants,
    string? Note,
    IReadOnlyList<SourceJson> Sources)
{
    /// <summary>The occurrence as clients read it; its text worded by <paramref name="wording"/>.</summary>
    public static OccurrenceJson From(Occurrence occurrence, LocalDate today, Wording wording)
    {
        var fact = occurrence.Fact;
        return new(
            occurrence.Id,
            occurrence.Kind,
            fact.Id,
            fact.Kind.Name(),
            wording.Title(occurrence),
            wording.Subject(occurrence),
            occurrence.Date.FirstDay,
            occurrence.Date.LastDay,
            Wire(occurrence.Date.Precision),
            wording.DateText(occurrence.Date),
            [.. occurrence.Countries.Select(code => code.Value)],
            [.. occurrence.Countries.Select(wording.CountryName)],
            occurrence.Ordinal,
            occurrence.IsJubilee,
            occurrence.DaysFrom(today),
            wording.Until(occurrence.DaysFrom(today)),
            LocationJson.From(occurrence.Place, wording),
            Wire(occurrence.Status),
            wording.Status(occurrence),
            fact.Participants,
            fact.Note,
            [.. fact.Sources.Select(source => SourceJson.From(source, wording))]);
    }

    public static string Wire(DatePrecision precision) => precision.ToString().ToLowerInvariant();

    public static string Wire(FactStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>Where an event takes place; <c>label</c> is ready to print ("Buenos Aires, Argentina").</summary>
internal sealed record LocationJson(string? City, string Country, string Label)
{
    public static LocationJson? From(Place? place, CountryCatalog countries) => From(place, Wording.English(countries));

    public static LocationJson? From(Place? place, Wording wording) =>
        place is null ? null : new(place.City, place.Country.Value, wording.Place(place)!);
}

/// <summary>A source: <c>title</c> is the article's own headline (null when it has none), <c>about</c> what such an article is about.</summary>
internal sealed record SourceJson(string? Title, string? About, string? Outlet, LocalDate? Published, Uri? Url, string Citation)
{
    public static SourceJson From(Source source) => From(source, Wording.English(CountryCatalog.Iso));

    public static SourceJson From(Source source, Wording wording) =>
        new(source.Title, source.About, source.Outlet, source.Published, source.Url, wording.Cite(source).Text);
}
