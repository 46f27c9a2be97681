using Calendar.Service.Facts;
using Microsoft.Extensions.Options;
using NodaTime;
using Quartz;

namespace Calendar.Service.Timeline;

internal static class TimelineServices
{
    /// <summary>Options, clock, facts folder, the calendar state and the Quartz job that keeps it current.</summary>
    public static IServiceCollection AddTimeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>()
            .Bind(configuration.GetSection(CalendarOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>();

        // The only reference to the real clock; tests replace it with NodaTime.Testing's FakeClock.
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<CalendarClock>();
        services.AddSingleton(sp => new FactsFolder(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.FactsPath));
        services.AddSingleton<CalendarState>();
        services.AddSingleton<LoadFacts>(FactsLoader.Load);
        services.AddSingleton<CalendarRefresher>();

        // Registered before Quartz's hosted service, so the first load happens before any job runs.
        services.AddHostedService<FactsStartup>();
        services.AddHostedService<FactsWatcher>();

        var pollInterval = configuration.GetSection(CalendarOptions.Section).GetValue(nameof(CalendarOptions.FactsPollInterval), new CalendarOptions().FactsPollInterval);
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<RefreshCalendarJob>(job => job.WithIdentity(RefreshCalendarJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .WithIdentity(RefreshCalendarJob.PollTrigger)
                .ForJob(RefreshCalendarJob.Key)
                .StartAt(DateTimeOffset.UtcNow + pollInterval)
                .WithSimpleSchedule(schedule => schedule.WithInterval(pollInterval).RepeatForever()));

            // The day's roll-over: a one-shot trigger at the next local midnight, which the job moves on each day.
            // Computed with NodaTime rather than a cron trigger in a TimeZoneInfo, which would use the operating
            // system's tz data (absent in small images).
            quartz.AddTrigger((services, trigger) => trigger
                .WithIdentity(RefreshCalendarJob.MidnightTrigger)
                .ForJob(RefreshCalendarJob.Key)
                .StartAt(RefreshCalendarJob.NextMidnight(services.GetRequiredService<CalendarClock>())));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
