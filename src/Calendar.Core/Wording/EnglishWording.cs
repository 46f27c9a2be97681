using System.Globalization;

namespace Calendar.Core;

/// <summary>The calendar in English: titles, dates, countries, statuses, sources and filters.</summary>
internal sealed class EnglishWording(CountryCatalog countries) : Wording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public override string CalendarName => "Diplomatic anniversaries";

    public override string Language => "en";

    public override string Title(Occurrence occurrence) => Words(occurrence.Fact, occurrence.Ordinal, countries).Title;

    public override string Subject(Occurrence occurrence) => Words(occurrence.Fact, occurrence.Ordinal, countries).Subject;

    public override string Summary(Occurrence occurrence) =>
        occurrence.Countries.Count == 0 ? Subject(occurrence) : $"{Subject(occurrence)}, {Countries(occurrence.Countries)}";

    public override string Countries(IReadOnlyList<CountryCode> codes) => string.Join(" – ", codes.Select(CountryName));

    public override string CountryName(CountryCode code) => countries.NameOf(code);

    public override string? Place(Place? place) => place switch
    {
        null => null,
        { City: null } => CountryName(place.Country),
        _ => $"{place.City}, {CountryName(place.Country)}",
    };

    public override string DateText(PartialDate partialDate) => partialDate.Precision switch
    {
        DatePrecision.Day => partialDate.FirstDay.ToString("d MMMM yyyy", Invariant),
        DatePrecision.Month => partialDate.FirstDay.ToString("MMMM yyyy", Invariant),
        _ => partialDate.Year.ToString(Invariant),
    };

    public override string FullDateText(PartialDate partialDate) => partialDate.Precision switch
    {
        DatePrecision.Day => partialDate.FirstDay.ToString("dddd d MMMM yyyy", Invariant),
        DatePrecision.Month => $"{DateText(partialDate)}, day not known",
        _ => $"{DateText(partialDate)}, month and day not known",
    };

    public override string Period(PartialDate partialDate) =>
        partialDate.Precision == DatePrecision.Year ? $"Some time in {DateText(partialDate)} (month not known)" : partialDate.FirstDay.ToString("MMMM yyyy", Invariant);

    public override string Until(int days) => days switch
    {
        0 => "today",
        1 => "tomorrow",
        -1 => "yesterday",
        < 0 => $"{-days} days ago",
        _ => $"in {days} days",
    };

    public override string SentenceStart(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public override string? Status(Occurrence occurrence) => occurrence.Status switch
    {
        FactStatus.Planned => "planned, not confirmed",
        FactStatus.Scheduled when occurrence.Ordinal is null => "scheduled",
        _ => null,
    };

    public override string? Jubilee(Occurrence occurrence) =>
        occurrence is { IsJubilee: true, Ordinal: { } ordinal } ? $"Jubilee · {Ordinals.English(ordinal)}" : null;

    public override IReadOnlyList<Detail> Details(Occurrence occurrence)
    {
        var fact = occurrence.Fact;
        var details = new List<Detail>();
        if (occurrence.Ordinal is not null)
        {
            details.Add(new("Anniversary of", $"{fact.Title}, {DateText(fact.Date)}"));
            if (Place(fact.Place) is { } original)
            {
                details.Add(new("Place of the original event", original));
            }
        }

        if (fact.Participants.Count > 0)
        {
            details.Add(new(People(fact.Kind, fact.Participants.Count), string.Join(", ", fact.Participants)));
        }

        AddIfAny(details, "Note", fact.Note);
        AddIfAny(details, "How the date was worked out", fact.Derivation);
        return details;
    }

    public override IReadOnlyList<Detail> Overview(Occurrence occurrence)
    {
        var lines = new List<Detail> { new("Date", FullDateText(occurrence.Date)) };
        if (occurrence is { IsJubilee: true, Ordinal: { } ordinal })
        {
            lines.Add(new("Jubilee", $"{Ordinals.English(ordinal)} anniversary"));
        }

        if (Status(occurrence) is { } status)
        {
            lines.Add(new("Status", status));
        }

        if (occurrence.Countries.Count > 0)
        {
            lines.Add(new("Countries", Countries(occurrence.Countries)));
        }

        if (Place(occurrence.Place) is { } place)
        {
            lines.Add(new("Place", place));
        }

        lines.AddRange(Details(occurrence));
        lines.AddRange(occurrence.Fact.Sources.Select(source => new Detail("Source", source.Url is null ? Cite(source).Text : $"{Cite(source).Text} {source.Url.AbsoluteUri}")));
        return lines;
    }

    public override Citation Cite(Source source)
    {
        var by = string.Join(", ", new[] { source.Outlet, source.Published is { } published ? DateText(published) : null }.Where(part => !string.IsNullOrEmpty(part)));
        // A headline is the article's own words, quoted; a description is the editor's, and reads as one.
        var (lead, what, headline) = source.Title is { } title
            ? (by.Length == 0 ? "" : $"{by}: ", $"“{title}”", true)
            : (by.Length == 0 ? "Article on " : $"{by}, on ", source.About ?? "", false);
        return new Citation(lead, what, headline);
    }

    public override string Kind(string kind) => kind switch
    {
        Occurrence.AnniversaryKind => "anniversaries",
        "relations" => "diplomatic relations",
        "consultations" => "consultations",
        _ => kind.Replace('-', ' ') + "s",
    };

    public override string? Selection(OccurrenceFilter filter)
    {
        var parts = new List<string>();
        if (filter.Countries.Count > 0)
        {
            parts.Add(Join(CountryNames(filter), "and"));
        }

        if (filter.Kinds.Count > 0)
        {
            parts.Add(string.Join(", ", filter.Kinds.Order(StringComparer.Ordinal).Select(Kind)));
        }

        if (filter.Jubilee is { } jubilee)
        {
            parts.Add(jubilee ? "jubilees only" : "except jubilees");
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    public override string Describe(OccurrenceFilter filter)
    {
        var what = filter.Kinds.Count > 0 ? Join([.. filter.Kinds.Order(StringComparer.Ordinal).Select(Kind)], "and")
            : filter.Jubilee == true ? "jubilee anniversaries"
            : filter.Countries.Count == 0 && filter.Jubilee is null ? "all events and anniversaries"
            : "events and anniversaries";
        var who = filter.Countries.Count == 0 ? "" : $" involving {Join(CountryNames(filter), "or")}";
        var jubilees = filter.Jubilee switch
        {
            true when filter.Kinds.Count > 0 => ", jubilees only",
            false => ", except jubilees",
            _ => "",
        };
        return what + who + jubilees;
    }

    /// <summary>The subject and title of an occurrence of <paramref name="fact"/>: the event itself, or its <paramref name="ordinal"/>th anniversary.</summary>
    internal static (string Subject, string Title) Words(Fact fact, int? ordinal, CountryCatalog countries)
    {
        if (ordinal is not { } years)
        {
            return (fact.Title, fact.Title);
        }

        var nth = Ordinals.English(years);
        return fact.Kind == FactKind.Relations && fact.AnniversaryOf is null
            ? ($"{nth} anniversary of diplomatic relations", $"{nth} anniversary of diplomatic relations between {countries.JoinNames(fact.Countries)}")
            : fact.AnniversaryOf is { } what
                ? ($"{nth} anniversary of {what}", $"{nth} anniversary of {what}")
                : ($"{nth} anniversary: {fact.Title}", $"{nth} anniversary: {fact.Title}");
    }

    /// <summary>Those who take part in a visit, talks or a signing are participants; anyone else is named without a role (a milestone is about someone, not attended by them).</summary>
    private static string People(FactKind kind, int count) => kind switch
    {
        FactKind.Visit or FactKind.Consultations or FactKind.Meeting or FactKind.Signing or FactKind.CulturalEvent => count == 1 ? "Participant" : "Participants",
        _ => count == 1 ? "Person" : "People",
    };

    private List<string> CountryNames(OccurrenceFilter filter) => [.. filter.Countries.Select(CountryName).Order(StringComparer.Ordinal)];

    /// <summary>"A", "A and B", "A, B and C".</summary>
    private static string Join(List<string> words, string conjunction) => words.Count switch
    {
        0 => "",
        1 => words[0],
        _ => $"{string.Join(", ", words.Take(words.Count - 1))} {conjunction} {words[^1]}",
    };

    private static void AddIfAny(List<Detail> details, string label, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            details.Add(new(label, text.Trim()));
        }
    }
}
