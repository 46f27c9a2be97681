using NodaTime;

namespace Calendar.Core;

/// <summary>Something on the calendar: a fact's own date, or one of its anniversaries.</summary>
public sealed record Occurrence
{
    /// <summary>The <see cref="Kind"/> of every anniversary, whatever the kind of its fact.</summary>
    public const string AnniversaryKind = "anniversary";

    private readonly CountryCatalog _countries;

    private Occurrence(Fact fact, PartialDate date, int? ordinal, bool? isJubilee, CountryCatalog countries)
    {
        Fact = fact;
        Date = date;
        Ordinal = ordinal;
        IsJubilee = isJubilee;
        _countries = countries;
    }

    /// <summary>
    /// Stable across restarts, days and filters: the fact id for the event itself,
    /// <c>{fact id}.{year}</c> for an anniversary.
    /// </summary>
    public string Id => Ordinal is null ? Fact.Id : $"{Fact.Id}.{Date.Year:D4}";

    public Fact Fact { get; }

    /// <summary><c>anniversary</c>, or the fact's kind (<c>visit</c>, <c>signing</c>) for the event itself.</summary>
    public string Kind => Ordinal is null ? Fact.Kind.Name() : AnniversaryKind;

    public PartialDate Date { get; }

    /// <summary>30 for the 30th anniversary; null for the event itself.</summary>
    public int? Ordinal { get; }

    public bool? IsJubilee { get; }

    /// <summary>The English <see cref="Wording.Subject"/>, for logs and for callers that word nothing.</summary>
    /// <remarks>Worded when asked, not kept: a world-wide snapshot holds 130,000 occurrences, and their words were 40 MB.</remarks>
    public string Subject => EnglishWording.Words(Fact, Ordinal, _countries).Subject;

    /// <summary>The English <see cref="Wording.Title"/>: occurrences on one day are ordered by it.</summary>
    /// <remarks>Worded when asked, as <see cref="Subject"/>.</remarks>
    public string Title => EnglishWording.Words(Fact, Ordinal, _countries).Title;

    public IReadOnlyList<CountryCode> Countries => Fact.Countries;

    /// <summary>Where the occurrence itself takes place: the fact's place for the event, none for an anniversary, which is marked wherever it is celebrated.</summary>
    public Place? Place => Ordinal is null ? Fact.Place : null;

    /// <summary>The fact's status for the event itself; an anniversary is as firm as its fact (planned stays planned).</summary>
    public FactStatus Status => Ordinal is null || Fact.Status == FactStatus.Planned ? Fact.Status : FactStatus.Scheduled;

    /// <summary>Days from <paramref name="today"/> to the first day of the occurrence; negative once it has begun.</summary>
    public int DaysFrom(LocalDate today) => Period.Between(today, Date.FirstDay, PeriodUnits.Days).Days;

    internal static Occurrence EventOf(Fact fact, CountryCatalog countries) => new(fact, fact.Date, null, null, countries);

    internal static Occurrence AnniversaryOf(Fact fact, int year, JubileeRule jubilees, CountryCatalog countries)
    {
        var ordinal = year - fact.Date.Year;
        return new(fact, fact.Date.InYear(year), ordinal, jubilees.IsJubilee(ordinal), countries);
    }
}
