using Calendar.Service.Timeline;
using NodaTime;

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
}
