using Microsoft.Extensions.Options;
using NodaTime;

namespace Calendar.Service.Timeline;

/// <summary>The one place that turns the injected <see cref="IClock"/> into the calendar's "today".</summary>
/// <remarks>
/// Today is the date in <c>Calendar:TimeZone</c>, not on the server: at 23:30 UTC it is already tomorrow in Almaty.
/// <c>Calendar:Today</c> pins the date while the time of day keeps running, so that a demonstration
/// of a past date still behaves like a working day.
/// </remarks>
internal sealed class CalendarClock
{
    private readonly IClock _clock;
    private readonly LocalDate? _pinnedToday;

    public CalendarClock(IClock clock, IOptions<CalendarOptions> options)
    {
        _clock = clock;
        Zone = DateTimeZoneProviders.Tzdb[options.Value.TimeZone];
        _pinnedToday = CalendarOptionsValidator.PinnedToday(options.Value);
    }

    public DateTimeZone Zone { get; }

    public ZonedDateTime Now
    {
        get
        {
            var now = _clock.GetCurrentInstant().InZone(Zone);
            return _pinnedToday is { } today ? today.At(now.TimeOfDay).InZoneLeniently(Zone) : now;
        }
    }

    /// <remarks>Without a pinned date, the clock's own reading: every feed poll asks, and mapping it into the zone and back is wasted.</remarks>
    public Instant CurrentInstant => _pinnedToday is null ? _clock.GetCurrentInstant() : Now.ToInstant();

    public LocalDate Today => Now.Date;

    /// <summary>How long until the next day begins in the calendar's zone.</summary>
    public Duration UntilTomorrow()
    {
        var now = Now;
        return Zone.AtStartOfDay(now.Date.PlusDays(1)).ToInstant() - now.ToInstant();
    }
}
