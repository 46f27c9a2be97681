using Quartz;

namespace Calendar.Service.Timeline;

/// <summary>Keeps the computed occurrences current: on a short poll, on file changes, and at the day's roll-over.</summary>
[DisallowConcurrentExecution]
internal sealed class RefreshCalendarJob(CalendarRefresher refresher, CalendarClock clock) : IJob
{
    public static readonly JobKey Key = new("refresh-calendar");
    public static readonly TriggerKey PollTrigger = new("refresh-calendar-poll");
    public static readonly TriggerKey MidnightTrigger = new("refresh-calendar-midnight");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await refresher.RefreshAsync(cancellationToken);
        }
        finally
        {
            // Whatever the refresh did, tomorrow's roll-over stays scheduled: a one-shot trigger not moved on is gone for good.
            if (context.Trigger.Key.Equals(MidnightTrigger))
            {
                var next = TriggerBuilder.Create()
                    .WithIdentity(MidnightTrigger)
                    .ForJob(Key)
                    .StartAt(NextMidnight(clock))
                    .Build();
                await context.Scheduler.RescheduleJob(MidnightTrigger, next, CancellationToken.None);
            }
        }
    }

    /// <summary>When the next day begins in the calendar's zone, on the scheduler's time line.</summary>
    /// <remarks>
    /// The delay is measured on the calendar's clock and added to the scheduler's own time, so that a test's
    /// fake clock never makes the trigger fire in a loop. A second after midnight, so that "today" has moved on.
    /// </remarks>
    public static DateTimeOffset NextMidnight(CalendarClock clock) =>
        DateTimeOffset.UtcNow + clock.UntilTomorrow().ToTimeSpan() + TimeSpan.FromSeconds(1);
}
