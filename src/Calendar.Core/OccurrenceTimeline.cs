using NodaTime;

namespace Calendar.Core;

/// <summary>The occurrences of a set of facts in a range of dates: events and anniversaries, in calendar order.</summary>
public sealed class OccurrenceTimeline
{
    private readonly FactSet _facts;
    private readonly JubileeRule _jubilees;

    public OccurrenceTimeline(FactSet facts, JubileeRule jubilees)
    {
        _facts = facts;
        _jubilees = jubilees;
    }

    /// <summary>Every occurrence whose period overlaps <paramref name="range"/>, sorted by date, then title.</summary>
    /// <remarks>
    /// A month- or year-precision occurrence is in the range when any of its days is: September 2016
    /// is in a range that starts on 30 September 2016.
    /// </remarks>
    public IReadOnlyList<Occurrence> Between(DateInterval range, OccurrenceFilter? filter = null) => Between(range, filter, int.MaxValue)!;

    /// <summary>
    /// <see cref="Between(DateInterval, OccurrenceFilter?)"/>, or null as soon as more than <paramref name="atMost"/>
    /// occurrences are found: a range too large to answer costs what the bound costs, not what the range holds.
    /// </summary>
    public IReadOnlyList<Occurrence>? Between(DateInterval range, OccurrenceFilter? filter, int atMost)
    {
        filter ??= OccurrenceFilter.All;
        var found = new List<Occurrence>();
        foreach (var fact in _facts.Facts)
        {
            if (fact.Date.Overlaps(range) && !Add(Occurrence.EventOf(fact, _facts.Countries)))
            {
                return null;
            }

            if (!fact.Recurs)
            {
                continue;
            }

            // Anniversaries start one year after the fact; a year-precision one may reach back into the range's first year.
            for (var year = Math.Max(fact.Date.Year + 1, range.Start.Year); year <= range.End.Year; year++)
            {
                var date = fact.Date.InYear(year);
                if (date.Overlaps(range) && !Add(Occurrence.AnniversaryOf(fact, year, _jubilees, _facts.Countries)))
                {
                    return null;
                }
            }
        }

        // Each title worded once for the sort, and dropped with it: the occurrences do not keep their words.
        var keys = found.Select(occurrence => new OrderKey(occurrence, occurrence.Title)).ToArray();
        Array.Sort(keys, static (x, y) => InCalendarOrder(x.Occurrence, x.Title, y.Occurrence, y.Title));
        return Array.ConvertAll(keys, key => key.Occurrence);

        // False once there are more than atMost.
        bool Add(Occurrence occurrence)
        {
            if (filter.Matches(occurrence))
            {
                found.Add(occurrence);
            }

            return found.Count <= atMost;
        }
    }

    public static int InCalendarOrder(Occurrence x, Occurrence y) => InCalendarOrder(x, x.Title, y, y.Title);

    private static int InCalendarOrder(Occurrence x, string xTitle, Occurrence y, string yTitle)
    {
        var order = x.Date.CompareTo(y.Date);
        if (order == 0)
        {
            order = string.Compare(xTitle, yTitle, StringComparison.Ordinal);
        }

        return order != 0 ? order : string.CompareOrdinal(x.Id, y.Id);
    }

    private readonly record struct OrderKey(Occurrence Occurrence, string Title);
}
