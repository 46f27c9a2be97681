using Calendar.Service.Cluster;
using Calendar.Service.Health;
using Calendar.Service.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace Calendar.Service.Reminders;

internal static partial class ReminderServices
{
    /// <summary>The mail transport (SMTP, or the outbox folder), the ledger, the dispatcher and its Quartz job.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RemindersOptions>().Bind(configuration.GetSection(RemindersOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations()
            .Validate(smtp => string.IsNullOrWhiteSpace(smtp.Host) || smtp.Security is not null,
                "Calendar:Smtp:Security must be set when Calendar:Smtp:Host is: None, StartTls or SslOnConnect")
            .ValidateOnStart();
        foreach (var migration in LedgerSchema.All)
        {
            services.AddMigration(migration);
        }

        services.AddSingleton<ReminderLedger>();
        services.AddSingleton<ReminderDispatcher>();
        // Degraded, not unhealthy, when it cannot read the database: see Health/NodeHealthCheck for why.
        services.AddHealthChecks().AddCheck<RemindersHealthCheck>("reminders", HealthStatus.Degraded, timeout: NodeHealthCheck.Timeout);
        services.AddSingleton<IMailTransport>(provider =>
        {
            var smtp = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(smtp.Host))
            {
                return new SmtpMailTransport(smtp);
            }

            var outbox = Path.Combine(Path.GetFullPath(provider.GetRequiredService<IOptions<CalendarOptions>>().Value.DataPath), "outbox");
            LogOutbox(provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReminderServices)), outbox);
            return new OutboxMailTransport(outbox);
        });

        var interval = configuration.GetSection(RemindersOptions.Section).GetValue(nameof(RemindersOptions.Interval), new RemindersOptions().Interval);
        // One node at a time sends; with several replicas, a dead node's unfinished run is started again on another.
        services.AddQuartzOnOneNode(configuration, quartz =>
        {
            quartz.AddJob<SendRemindersJob>(job => job.WithIdentity(SendRemindersJob.Key).StoreDurably().RequestRecovery());
            quartz.AddTrigger(trigger => trigger
                // Named, so that a restart replaces the stored trigger rather than adding one more to the shared store.
                .WithIdentity(SendRemindersJob.IntervalTrigger)
                .ForJob(SendRemindersJob.Key)
                // Shortly after start: what fell due while the service was down goes out now, not at the next interval.
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(10))
                .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()));
        });
        return services;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No SMTP server configured (Calendar:Smtp:Host): reminder emails are written as .eml files to {Outbox}")]
    private static partial void LogOutbox(ILogger logger, string outbox);
}
