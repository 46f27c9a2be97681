namespace Calendar.Core;

/// <summary>One dated fact from a source: relations established, a visit, a signing.</summary>
public sealed record Fact
{
    /// <summary>A stable slug (<c>kz-it-relations</c>): occurrence ids and feed UIDs derive from it.</summary>
    public required string Id { get; init; }

    public required FactKind Kind { get; init; }

    public required IReadOnlyList<CountryCode> Countries { get; init; }

    public required PartialDate Date { get; init; }

    /// <summary>The editor's title, in English.</summary>
    public required string Title { get; init; }

    /// <summary>The title in Russian and Kazakh, where the facts file gives it.</summary>
    public Translations TitleIn { get; init; } = Translations.None;

    /// <summary>The noun phrase anniversaries are named after ("the Kazakhstan Cultural Center in Rosario").</summary>
    public string? AnniversaryOf { get; init; }

    /// <summary><see cref="AnniversaryOf"/> in Russian (a genitive phrase: «открытия …») and Kazakh (the phrase before «N жыл»: «… ашылғанына»).</summary>
    public Translations AnniversaryOfIn { get; init; } = Translations.None;

    /// <summary>Whether its anniversaries are occurrences of their own.</summary>
    public bool Recurs { get; init; }

    public FactStatus Status { get; init; } = FactStatus.Occurred;

    public Place? Place { get; init; }

    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>Context in the editor's words.</summary>
    public string? Note { get; init; }

    /// <summary>How the date was worked out when the source does not state it.</summary>
    public string? Derivation { get; init; }

    public required IReadOnlyList<Source> Sources { get; init; }
}
