using Calendar.Core;
using NodaTime;

namespace Calendar.Service.Timeline;

/// <summary>The occurrences of a window in calendar order, indexed by country and by kind.</summary>
/// <remarks>
/// A one-country question reads that country's positions only, so that it costs what its answer costs rather than a
/// scan of every occurrence in the range (18,528 relations of 193 states: 130,000 occurrences in seven years, of
/// which one state has 1,344). Positions are ascending, so each list is in calendar order too.
/// </remarks>
internal sealed class OccurrenceIndex
{
    private readonly Occurrence[] _occurrences;
    private readonly Dictionary<CountryCode, int[]> _byCountry;
    private readonly Dictionary<string, int[]> _byKind;

    public OccurrenceIndex(IReadOnlyList<Occurrence> inCalendarOrder)
    {
        _occurrences = [.. inCalendarOrder];
        var countries = new Dictionary<CountryCode, List<int>>();
        var kinds = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _occurrences.Length; i++)
        {
            var occurrence = _occurrences[i];
            foreach (var code in occurrence.Countries.Distinct())
            {
                Add(countries, code, i);
            }

            // A kind filter matches the occurrence's own kind or its fact's (relations and their anniversaries).
            Add(kinds, occurrence.Kind, i);
            if (occurrence.Fact.Kind.Name() != occurrence.Kind)
            {
                Add(kinds, occurrence.Fact.Kind.Name(), i);
            }
        }

        _byCountry = countries.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
        _byKind = kinds.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    public int Count => _occurrences.Length;

    /// <summary>Occurrences overlapping <paramref name="range"/> that <paramref name="filter"/> keeps, in calendar order.</summary>
    public IReadOnlyList<Occurrence> Between(DateInterval range, OccurrenceFilter filter)
    {
        // No occurrence is longer than a year: only those starting between a year before the range and its end can overlap it.
        var first = FirstStartingOnOrAfter(range.Start.PlusYears(-1));
        var end = FirstStartingOnOrAfter(range.End.PlusDays(1));
        var found = new List<Occurrence>();
        foreach (var position in Candidates(filter, first, end))
        {
            var occurrence = _occurrences[position];
            if (occurrence.Date.Overlaps(range) && filter.Matches(occurrence))
            {
                found.Add(occurrence);
            }
        }

        return found;
    }

    /// <summary>Positions from <paramref name="first"/> to before <paramref name="end"/> that may match: those of the most selective index.</summary>
    private IEnumerable<int> Candidates(OccurrenceFilter filter, int first, int end)
    {
        if (filter.Countries.Count > 0)
        {
            return Union(filter.Countries.Select(code => _byCountry.GetValueOrDefault(code, [])), first, end);
        }

        if (filter.Kinds.Count > 0)
        {
            return Union(filter.Kinds.Select(kind => _byKind.GetValueOrDefault(kind, [])), first, end);
        }

        return Enumerable.Range(first, end - first);
    }

    private static IEnumerable<int> Union(IEnumerable<int[]> lists, int first, int end)
    {
        var slices = lists.Select(list => Slice(list, first, end)).Where(slice => slice.Length > 0).ToList();
        if (slices.Count == 1)
        {
            return slices[0].ToArray();
        }

        // Several countries (or kinds): an occurrence of two of them is listed twice; keep calendar order.
        var merged = new SortedSet<int>();
        foreach (var slice in slices)
        {
            foreach (var position in slice.Span)
            {
                merged.Add(position);
            }
        }

        return merged;
    }

    private static ReadOnlyMemory<int> Slice(int[] positions, int first, int end)
    {
        var from = LowerBound(positions, first);
        return positions.AsMemory(from, LowerBound(positions, end) - from);
    }

    private static int LowerBound(int[] positions, int value)
    {
        var index = Array.BinarySearch(positions, value);
        return index >= 0 ? index : ~index;
    }

    private int FirstStartingOnOrAfter(LocalDate day)
    {
        int low = 0, high = _occurrences.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_occurrences[middle].Date.FirstDay < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int position)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var positions))
        {
            index[key] = positions = [];
        }

        positions.Add(position);
    }
}
