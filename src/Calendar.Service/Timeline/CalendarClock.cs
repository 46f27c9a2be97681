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
    private volatile PinnedSecond? _pinnedSecond;

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
            var now = _clock.GetCurrentInstant();
            return _pinnedToday is { } today ? Pinned(now, today) : now.InZone(Zone);
        }
    }

    /// <remarks>
    /// Every feed poll asks. Without a pinned date it is the clock's own reading. With one, the pinned instant is the
    /// clock's plus a shift that stays the same for a whole second (offsets, their changes and midnight all fall on
    /// whole seconds), so that it is mapped into the zone and back once a second rather than once a poll.
    /// </remarks>
    public Instant CurrentInstant
    {
        get
        {
            var now = _clock.GetCurrentInstant();
            if (_pinnedToday is not { } today)
            {
                return now;
            }

            var second = now.ToUnixTimeSeconds();
            var known = _pinnedSecond;
            if (known is null || known.Second != second)
            {
                var start = Instant.FromUnixTimeSeconds(second);
                _pinnedSecond = known = new PinnedSecond(second, Pinned(start, today).ToInstant() - start);
            }

            return now + known.Shift;
        }
    }

    public LocalDate Today => Now.Date;

    /// <summary>How long until the next day begins in the calendar's zone.</summary>
    public Duration UntilTomorrow()
    {
        var now = Now;
        return Zone.AtStartOfDay(now.Date.PlusDays(1)).ToInstant() - now.ToInstant();
    }

    private ZonedDateTime Pinned(Instant now, LocalDate today) => today.At(now.InZone(Zone).TimeOfDay).InZoneLeniently(Zone);

    /// <summary>How far the pinned clock is from the real one during the whole second <see cref="Second"/> (Unix time).</summary>
    private sealed record PinnedSecond(long Second, Duration Shift);
}
