using Quartz;

namespace Calendar.Service.Reminders;

/// <summary>Runs dispatch shortly after start and then every <c>Calendar:Reminders:Interval</c>, never two runs at once.</summary>
/// <remarks>
/// One UTC interval trigger, not a cron trigger per subscriber's zone: each subscription's local send time is
/// computed with NodaTime at each run, and a run missed while the service was down is made good from the ledger.
/// </remarks>
[DisallowConcurrentExecution]
internal sealed class SendRemindersJob(ReminderDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("send-reminders");
    public static readonly TriggerKey IntervalTrigger = new("send-reminders-interval");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.RunAsync(cancellationToken);
}
