using Calendar.Core;
using Calendar.Service.Facts;
using NodaTime;

namespace Calendar.Service.Timeline;

/// <summary>The facts in service and the occurrences computed from them for the current day.</summary>
/// <remarks>Immutable: readers take one snapshot and never see a half-made update.</remarks>
internal sealed class CalendarSnapshot
{
    private readonly IReadOnlyList<Occurrence> _windowOccurrences;

    public CalendarSnapshot(FactSet facts, FactsVersion version, LocalDate today, JubileeRule jubilees, int horizonYears)
    {
        Facts = facts;
        Version = version;
        Today = today;
        Timeline = new OccurrenceTimeline(facts, jubilees);
        Window = new DateInterval(today.PlusYears(-1), today.PlusYears(horizonYears));
        _windowOccurrences = Timeline.Between(Window);
    }

    public FactSet Facts { get; }

    public FactsVersion Version { get; }

    public LocalDate Today { get; }

    public OccurrenceTimeline Timeline { get; }

    /// <summary>From a year back to the horizon: the range whose occurrences are computed ahead of any request.</summary>
    public DateInterval Window { get; }

    /// <summary>Occurrences overlapping <paramref name="range"/>, from the precomputed window when it covers the range.</summary>
    public IReadOnlyList<Occurrence> Between(DateInterval range, OccurrenceFilter filter)
    {
        if (!Window.Contains(range.Start) || !Window.Contains(range.End))
        {
            return Timeline.Between(range, filter);
        }

        // The window is in calendar order (by first day), and no occurrence is longer than a year: only the
        // slice that starts between a year before the range and its end can overlap it.
        var first = FirstStartingOnOrAfter(range.Start.PlusYears(-1));
        var end = FirstStartingOnOrAfter(range.End.PlusDays(1));
        var found = new List<Occurrence>();
        for (var i = first; i < end; i++)
        {
            var occurrence = _windowOccurrences[i];
            if (occurrence.Date.Overlaps(range) && filter.Matches(occurrence))
            {
                found.Add(occurrence);
            }
        }

        return found;
    }

    private int FirstStartingOnOrAfter(LocalDate day)
    {
        int low = 0, high = _windowOccurrences.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_windowOccurrences[middle].Date.FirstDay < day)
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
}
