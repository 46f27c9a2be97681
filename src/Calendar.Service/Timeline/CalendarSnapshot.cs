using Calendar.Core;
using Calendar.Service.Facts;
using NodaTime;

namespace Calendar.Service.Timeline;

/// <summary>The facts in service, today, and the occurrences of one whole-year window that every reader slices.</summary>
/// <remarks>
/// Immutable: readers take one snapshot and never see a half-made update. The window is whole years, from 1 January
/// of last year to 31 December <c>Calendar:HorizonYears</c> on: the feed serves all of it, the JSON endpoint, the page
/// and the reminders slice it, and a new day within the same year reuses the occurrences already computed.
/// </remarks>
internal sealed class CalendarSnapshot
{
    private readonly OccurrenceIndex _window;

    public CalendarSnapshot(FactSet facts, FactsVersion version, LocalDate today, JubileeRule jubilees, int horizonYears, CalendarSnapshot? previous = null)
    {
        Facts = facts;
        Version = version;
        Today = today;
        Window = WindowFor(today, horizonYears);
        if (previous is not null && previous.Version.Hash == version.Hash && previous.Window.Equals(Window) && previous.Jubilees == jubilees)
        {
            Timeline = previous.Timeline;
            _window = previous._window;
        }
        else
        {
            Timeline = new OccurrenceTimeline(facts, jubilees);
            _window = new OccurrenceIndex(Timeline.Between(Window));
        }

        Jubilees = jubilees;
    }

    public FactSet Facts { get; }

    public FactsVersion Version { get; }

    public LocalDate Today { get; }

    public JubileeRule Jubilees { get; }

    public OccurrenceTimeline Timeline { get; }

    /// <summary>From 1 January of last year to 31 December of the horizon's last year: the occurrences computed ahead of any request.</summary>
    public DateInterval Window { get; }

    /// <summary>How many occurrences the window holds.</summary>
    public int Count => _window.Count;

    /// <summary>Whole years, so that the feed's bytes stay the same from one day to the next; moves on once a year, on 1 January.</summary>
    public static DateInterval WindowFor(LocalDate today, int horizonYears) =>
        new(new LocalDate(today.Year - 1, 1, 1), new LocalDate(today.Year + horizonYears, 12, 31));

    /// <summary>Occurrences overlapping <paramref name="range"/>, from the window when it covers the range.</summary>
    public IReadOnlyList<Occurrence> Between(DateInterval range, OccurrenceFilter filter) => Between(range, filter, int.MaxValue)!;

    /// <summary>
    /// <see cref="Between(DateInterval, OccurrenceFilter)"/>, or null when more than <paramref name="atMost"/> occur;
    /// outside the window, found out without computing them all.
    /// </summary>
    public IReadOnlyList<Occurrence>? Between(DateInterval range, OccurrenceFilter filter, int atMost)
    {
        if (Window.Contains(range.Start) && Window.Contains(range.End))
        {
            var kept = _window.Between(range, filter);
            return kept.Count <= atMost ? kept : null;
        }

        return Timeline.Between(range, filter, atMost);
    }
}
