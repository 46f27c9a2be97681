using NodaTime;

namespace Calendar.Core.Tests;

/// <summary>Facts between Kazakhstan and real partners, for titles: a country's grammar needs its real name (the events are invented).</summary>
internal static class LanguageTestFacts
{
    public static readonly CountryCode KZ = CountryCode.Parse("KZ");

    public static Fact Bilateral(FactKind kind, string partner, string date = "1992-08-21", string? placeIn = null) => new()
    {
        Id = $"kz-{partner.ToLowerInvariant()}-{kind.Name()}",
        Kind = kind,
        Countries = [KZ, CountryCode.Parse(partner)],
        Date = PartialDate.Parse(date),
        Title = "An English title as the editor wrote it",
        Recurs = true,
        Place = placeIn is null ? null : new Place(null, CountryCode.Parse(placeIn)),
        Sources = [new Source("[Invented for tests]", "Test Gazette", null, null)],
    };

    /// <summary>The event itself (<paramref name="year"/> null) or its anniversary in <paramref name="year"/>.</summary>
    public static Occurrence OccurrenceOf(Fact fact, int? year = null)
    {
        var timeline = new OccurrenceTimeline(new FactSet([fact], CountryCatalog.Iso), JubileeRule.Default);
        var from = year is { } y ? new LocalDate(y, 1, 1) : fact.Date.FirstDay;
        var to = year is { } z ? new LocalDate(z, 12, 31) : fact.Date.LastDay;
        return timeline.Between(new DateInterval(from, to)).Single(o => (o.Ordinal is null) == (year is null));
    }
}
