using Calendar.Service.Timeline;
using NodaTime;
using Quartz;

namespace Calendar.Service.Tests.Timeline;

public class DayRolloverTests
{
    [Fact]
    public async Task TheRefreshJob_MovesTodayOnAtLocalMidnight()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        // 23:59 in Almaty (UTC+5) on 22 June 2024.
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2024, 6, 22, 18, 59));
        var state = app.Get<CalendarState>();
        Assert.Equal(new LocalDate(2024, 6, 22), state.Current.Today);

        app.Clock.Advance(Duration.FromMinutes(2));
        var scheduler = await app.Get<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        await scheduler.TriggerJob(RefreshCalendarJob.Key, TestContext.Current.CancellationToken);

        var today = await Eventually.Get(() => state.Current.Today, day => day != new LocalDate(2024, 6, 22), "the job to roll the day over");
        Assert.Equal(new LocalDate(2024, 6, 23), today);
        var anniversary = Assert.Single(state.Current.Between(new DateInterval(today, today), Calendar.Core.OccurrenceFilter.All));
        Assert.Equal(31, anniversary.Ordinal);
    }

    [Fact]
    public void TheMidnightTrigger_IsScheduledForTheNextLocalMidnight()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        // 20:00 in Almaty: four hours to midnight.
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2024, 6, 22, 15, 0));

        var fireAt = RefreshCalendarJob.NextMidnight(app.Get<CalendarClock>());

        Assert.InRange(fireAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(4) - TimeSpan.FromSeconds(5), TimeSpan.FromHours(4) + TimeSpan.FromSeconds(5));
    }
}
