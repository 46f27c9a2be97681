namespace Calendar.Core;

/// <summary>All loaded facts with the country names their titles use.</summary>
public sealed class FactSet
{
    public FactSet(IEnumerable<Fact> facts, CountryCatalog countries)
    {
        Facts = facts.OrderBy(fact => fact.Date).ThenBy(fact => fact.Id, StringComparer.Ordinal).ToArray();
        Countries = countries;
    }

    public static FactSet Empty { get; } = new([], CountryCatalog.Iso);

    public IReadOnlyList<Fact> Facts { get; }

    public CountryCatalog Countries { get; }
}
