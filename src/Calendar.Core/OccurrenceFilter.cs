namespace Calendar.Core;

/// <summary>Which occurrences a reader wants: by country, by kind, jubilees only.</summary>
/// <remarks>Empty sets mean "any". A kind matches an occurrence's own kind or its fact's kind.</remarks>
public sealed record OccurrenceFilter
{
    public static OccurrenceFilter All { get; } = new();

    /// <summary>Occurrences involving at least one of these countries.</summary>
    public IReadOnlySet<CountryCode> Countries { get; init; } = new HashSet<CountryCode>();

    /// <summary><c>anniversary</c> and fact kinds such as <c>visit</c>; <c>relations</c> matches relations and their anniversaries.</summary>
    public IReadOnlySet<string> Kinds { get; init; } = new HashSet<string>();

    /// <summary>true: jubilee anniversaries only; false: everything but jubilees; null: no restriction.</summary>
    public bool? Jubilee { get; init; }

    /// <summary>The kind names a filter accepts: <c>anniversary</c> and every fact kind.</summary>
    public static IEnumerable<string> KnownKinds => FactKinds.All.Prepend(Occurrence.AnniversaryKind);

    public static bool IsKnownKind(string kind) =>
        kind == Occurrence.AnniversaryKind || FactKinds.TryParse(kind, out _);

    public bool Matches(Occurrence occurrence) =>
        (Countries.Count == 0 || occurrence.Countries.Any(Countries.Contains))
        && (Kinds.Count == 0 || Kinds.Contains(occurrence.Kind) || Kinds.Contains(occurrence.Fact.Kind.Name()))
        && (Jubilee is null || (occurrence.IsJubilee == true) == Jubilee);

    /// <summary>A canonical text of the filter, the same for the same selection in any order: a cache key.</summary>
    public string Key => string.Join(';',
        string.Join(',', Countries.Order()),
        string.Join(',', Kinds.Order(StringComparer.Ordinal)),
        Jubilee?.ToString() ?? "");
}
