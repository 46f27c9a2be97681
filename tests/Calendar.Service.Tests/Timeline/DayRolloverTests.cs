using Calendar.Service.Timeline;
using NodaTime;
using Quartz;

namespace Calendar.Service.Tests.Timeline;

/// <summary>The day rolls over at local midnight by the Quartz trigger alone, not by the poll.</summary>
public class DayRolloverTests
{
    [Fact]
    public async Task TheRefreshJob_MovesTodayOnAtLocalMidnight()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        // Two seconds to midnight in Almaty (UTC+5) on 22 June 2024, and no poll for a day: only the midnight trigger can move today on.
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2024, 6, 22, 18, 59, 58)).With("Calendar:FactsPollInterval", "1.00:00:00");
        var state = app.Get<CalendarState>();
        Assert.Equal(new LocalDate(2024, 6, 22), state.Current.Today);

        // Past midnight on the calendar's clock; the trigger fires on the scheduler's own time, three seconds after it was set.
        app.Clock.Advance(Duration.FromMinutes(1));

        var today = await Eventually.Get(() => state.Current.Today, day => day != new LocalDate(2024, 6, 22), "the midnight trigger to roll the day over", TimeSpan.FromSeconds(60));
        Assert.Equal(new LocalDate(2024, 6, 23), today);
        var anniversary = Assert.Single(state.Current.Between(new DateInterval(today, today), Calendar.Core.OccurrenceFilter.All));
        Assert.Equal(31, anniversary.Ordinal);
    }

    [Fact]
    public async Task TheMidnightTrigger_IsScheduledForTheNextLocalMidnight()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        // 20:00 in Almaty: four hours to midnight on the calendar's clock, which stands still in this test.
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2024, 6, 22, 15, 0));
        var before = DateTimeOffset.UtcNow;
        app.Start();
        var after = DateTimeOffset.UtcNow;

        var scheduler = await app.Get<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var trigger = await scheduler.GetTrigger(RefreshCalendarJob.MidnightTrigger, TestContext.Current.CancellationToken);

        // Scheduled while the host started, four hours (and a second) ahead on the scheduler's time line.
        Assert.NotNull(trigger);
        var fireAt = trigger.NextFireTimeUtc!.Value;
        var delay = TimeSpan.FromHours(4) + TimeSpan.FromSeconds(1);
        Assert.InRange(fireAt, before + delay - TimeSpan.FromSeconds(1), after + delay);
        Assert.Equal(RefreshCalendarJob.Key, trigger.JobKey);
    }
}
