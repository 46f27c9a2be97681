using Calendar.Core;

namespace Calendar.Extraction;

/// <summary>Says which loaded fact a draft repeats (<c>same_as</c>) or contradicts (<c>conflicts_with</c>).</summary>
/// <remarks>
/// Facts of the same kind between the same countries. Relations and strategic partnerships happen once per pair: a
/// draft at another date contradicts the loaded one. Other kinds recur (visits, rounds): a draft repeats a fact whose
/// date holds it or lies in it (2023-08 and 2023-08-22) in the same city, and is otherwise new.
/// </remarks>
public static class DraftComparison
{
    public static DraftFact Compare(DraftFact draft, IEnumerable<Fact> loaded)
    {
        var fact = draft.Fact;
        var candidates = loaded.Where(f => f.Kind == fact.Kind && f.Countries.ToHashSet().SetEquals(fact.Countries)).ToList();
        var same = candidates.FirstOrDefault(f => Compatible(f.Date, fact.Date) && SamePlace(f.Place, fact.Place));
        if (same is not null)
        {
            return draft with { SameAs = same.Id };
        }

        var once = fact.Kind is FactKind.Relations or FactKind.StrategicPartnership;
        return once && candidates.FirstOrDefault() is { } other ? draft with { ConflictsWith = other.Id } : draft;
    }

    private static bool Compatible(PartialDate a, PartialDate b) =>
        PressReleaseReader.Within(a, b) || PressReleaseReader.Within(b, a);

    private static bool SamePlace(Place? a, Place? b) =>
        a?.City is null || b?.City is null || string.Equals(a.City, b.City, StringComparison.OrdinalIgnoreCase);
}
