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

        return _windowOccurrences.Where(o => o.Date.Overlaps(range) && filter.Matches(o)).ToList();
    }
}
