using Calendar.Service.Timeline;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Calendar.Service.Tests.Timeline;

public class CalendarClockTests
{
    [Fact]
    public void BundledTimeZoneData_KnowsKazakhstanMovedToUtcPlus5On1March2024()
    {
        var almaty = DateTimeZoneProviders.Tzdb["Asia/Almaty"];

        Assert.Equal(Offset.FromHours(6), almaty.GetUtcOffset(Instant.FromUtc(2024, 2, 29, 12, 0)));
        Assert.Equal(Offset.FromHours(5), almaty.GetUtcOffset(Instant.FromUtc(2024, 3, 1, 12, 0)));
    }

    [Fact]
    public void PinnedToday_KeepsTheDateWhileTheTimeOfDayRuns()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2026, 11, 24, 4, 0)).With("Calendar:Today", "2023-06-01");
        var clock = app.Get<CalendarClock>();

        Assert.Equal(new LocalDateTime(2023, 6, 1, 9, 0), clock.Now.LocalDateTime);
        app.Clock.Advance(Duration.FromHours(20));
        Assert.Equal(new LocalDateTime(2023, 6, 1, 5, 0), clock.Now.LocalDateTime);
    }

    [Fact]
    public void PinnedToday_GivesTheInstantOfItsLocalTime_ToTheTickAcrossMidnightAndAClockChange()
    {
        // Pinned to the day Italy moves its clocks on (02:00 becomes 03:00), while the real clock runs through a
        // local 02:00 (a time that day skips) and a local midnight, a quarter of a second at a time.
        var real = new FakeClock(Instant.FromUtc(2026, 11, 24, 0, 59, 58) + Duration.FromMilliseconds(130));
        var clock = new CalendarClock(real, Options.Create(new CalendarOptions { TimeZone = "Europe/Rome", Today = "2027-03-28" }));
        var checkedAt = new List<LocalDateTime>();
        foreach (var start in new[] { real.GetCurrentInstant(), Instant.FromUtc(2026, 11, 24, 22, 59, 58) + Duration.FromMilliseconds(130) })
        {
            real.Reset(start);
            for (var step = 0; step < 20; step++)
            {
                Assert.Equal(clock.Now.ToInstant(), clock.CurrentInstant);
                checkedAt.Add(clock.Now.LocalDateTime);
                real.Advance(Duration.FromMilliseconds(250));
            }
        }

        Assert.Contains(new LocalDateTime(2027, 3, 28, 3, 0, 1, 130), checkedAt);
        Assert.Contains(new LocalDateTime(2027, 3, 28, 0, 0, 1, 130), checkedAt);
    }
}
