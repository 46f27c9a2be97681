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
    LocationJson? Location,
    string Status,
    IReadOnlyList<string> Participants,
    string? Note,
    IReadOnlyList<SourceJson> Sources)
{
    public static OccurrenceJson From(Occurrence occurrence, LocalDate today, CountryCatalog countries)
    {
        var fact = occurrence.Fact;
        return new(
            occurrence.Id,
            occurrence.Kind,
            fact.Id,
            fact.Kind.Name(),
            occurrence.Title,
            occurrence.Subject,
            occurrence.Date.FirstDay,
            occurrence.Date.LastDay,
            Wire(occurrence.Date.Precision),
            occurrence.Date.ToDisplayString(),
            [.. occurrence.Countries.Select(code => code.Value)],
            [.. occurrence.Countries.Select(countries.NameOf)],
            occurrence.Ordinal,
            occurrence.IsJubilee,
            occurrence.DaysFrom(today),
            LocationJson.Of(occurrence, countries),
            Wire(occurrence.Status),
            fact.Participants,
            fact.Note,
            [.. fact.Sources.Select(SourceJson.From)]);
    }

    public static string Wire(DatePrecision precision) => precision.ToString().ToLowerInvariant();

    public static string Wire(FactStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>Where an event takes place; <c>label</c> is ready to print ("Buenos Aires, Argentina").</summary>
internal sealed record LocationJson(string? City, string Country, string Label)
{
    /// <summary>Where the occurrence itself takes place: the fact's place for the event, none for an anniversary, which happens wherever it is celebrated.</summary>
    public static LocationJson? Of(Occurrence occurrence, CountryCatalog countries) =>
        occurrence.Ordinal is null ? From(occurrence.Fact.Place, countries) : null;

    public static LocationJson? From(Place? place, CountryCatalog countries) => place is null
        ? null
        : new(place.City, place.Country.Value, place.City is null ? countries.NameOf(place.Country) : $"{place.City}, {countries.NameOf(place.Country)}");
}

internal sealed record SourceJson(string Title, string? Outlet, LocalDate? Published, Uri? Url, string Citation)
{
    public static SourceJson From(Source source) => new(source.Title, source.Outlet, source.Published, source.Url, source.Citation);
}
