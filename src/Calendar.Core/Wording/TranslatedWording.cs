using System.Globalization;

namespace Calendar.Core;

/// <summary>What the Russian and the Kazakh wording share: the shape of details, overviews and citations, with labels in the language.</summary>
/// <remarks>English keeps its own class: its tests fix today's text, and it has no cases to choose.</remarks>
internal abstract class TranslatedWording(CountryCatalog countries) : Wording
{
    protected CountryCatalog Catalog => countries;

    protected abstract CultureInfo Culture { get; }

    /// <summary>The labels of <see cref="Details"/>, <see cref="Overview"/>: by their English label.</summary>
    protected abstract string Label(string english);

    /// <summary>(opening quote, closing quote) of a headline: «…» in both languages.</summary>
    protected virtual (string Open, string Close) Quotes => ("«", "»");

    /// <summary>What joins a citation's outlet to what the article is about, where it has no headline.</summary>
    protected abstract string AboutLead { get; }

    /// <summary>The title of the fact's own event, as <see cref="Wording.Title"/> words it for the event itself.</summary>
    protected abstract string EventTitle(Fact fact);

    /// <summary>The column of the table that names a country on its own (a list, a label).</summary>
    protected abstract string NominativeColumn { get; }

    public override string Summary(Occurrence occurrence) =>
        occurrence.Countries.Count == 0 ? Subject(occurrence) : $"{Subject(occurrence)}, {Countries(occurrence.Countries)}";

    public override string Countries(IReadOnlyList<CountryCode> codes) => string.Join(" — ", codes.Select(CountryName));

    public override string CountryName(CountryCode code) => countries.Form(code, NominativeColumn);

    public override string? Place(Place? place) => place switch
    {
        null => null,
        { City: null } => CountryName(place.Country),
        _ => $"{place.City}, {CountryName(place.Country)}",
    };

    public override string SentenceStart(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];

    public override IReadOnlyList<Detail> Details(Occurrence occurrence)
    {
        var fact = occurrence.Fact;
        var details = new List<Detail>();
        if (occurrence.Ordinal is not null)
        {
            details.Add(new(Label("Anniversary of"), $"{EventTitle(fact)}, {DateText(fact.Date)}"));
            if (Place(fact.Place) is { } original)
            {
                details.Add(new(Label("Place of the original event"), original));
            }
        }

        if (fact.Participants.Count > 0)
        {
            var takesPart = fact.Kind is FactKind.Visit or FactKind.Consultations or FactKind.Meeting or FactKind.Signing or FactKind.CulturalEvent;
            var label = (takesPart ? "Participant" : "Person") + (fact.Participants.Count == 1 ? "" : "s");
            details.Add(new(Label(label), string.Join(", ", fact.Participants)));
        }

        AddIfAny(details, Label("Note"), fact.Note);
        AddIfAny(details, Label("How the date was worked out"), fact.Derivation);
        return details;
    }

    public override IReadOnlyList<Detail> Overview(Occurrence occurrence)
    {
        var lines = new List<Detail> { new(Label("Date"), FullDateText(occurrence.Date)) };
        if (Jubilee(occurrence) is { } jubilee)
        {
            lines.Add(new(Label("Jubilee"), jubilee));
        }

        if (Status(occurrence) is { } status)
        {
            lines.Add(new(Label("Status"), status));
        }

        if (occurrence.Countries.Count > 0)
        {
            lines.Add(new(Label("Countries"), Countries(occurrence.Countries)));
        }

        if (Place(occurrence.Place) is { } place)
        {
            lines.Add(new(Label("Place"), place));
        }

        lines.AddRange(Details(occurrence));
        lines.AddRange(occurrence.Fact.Sources.Select(source => new Detail(Label("Source"), source.Url is null ? Cite(source).Text : $"{Cite(source).Text} {source.Url.AbsoluteUri}")));
        return lines;
    }

    public override Citation Cite(Source source)
    {
        var by = string.Join(", ", new[] { source.Outlet, source.Published is { } published ? DateText(published) : null }.Where(part => !string.IsNullOrEmpty(part)));
        return source.Title is { } title
            ? new Citation(by.Length == 0 ? "" : $"{by}: ", $"{Quotes.Open}{title}{Quotes.Close}", true)
            : new Citation(by.Length == 0 ? $"{SentenceStart(AboutLead)}: " : $"{by}, {AboutLead}: ", source.About ?? "", false);
    }


    /// <summary>"A", "A и B", "A, B и C".</summary>
    protected static string Join(IReadOnlyList<string> words, string conjunction) => words.Count switch
    {
        0 => "",
        1 => words[0],
        _ => $"{string.Join(", ", words.Take(words.Count - 1))} {conjunction} {words[^1]}",
    };

    protected List<string> CountryNames(OccurrenceFilter filter) => [.. filter.Countries.Select(CountryName).Order(StringComparer.Ordinal)];

    protected List<string> KindNames(OccurrenceFilter filter) => [.. filter.Kinds.Order(StringComparer.Ordinal).Select(Kind)];

    private static void AddIfAny(List<Detail> details, string label, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            details.Add(new(label, text.Trim()));
        }
    }
}
