using Calendar.Service.Storage;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Calendar.Service.Reminders;

/// <summary>Degraded while reminders wait for another attempt (the mail server is failing); counts refused addresses.</summary>
internal sealed class RemindersHealthCheck(CalendarDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (active, refused, waiting, lastError) = await connection.QuerySingleAsync<(long, long, long, string?)>(
            """
            SELECT (SELECT count(*) FROM subscriptions WHERE state = 'active' AND rejected_at IS NULL),
                   (SELECT count(*) FROM subscriptions WHERE rejected_at IS NOT NULL),
                   (SELECT count(*) FROM reminder_ledger WHERE state = 'failed'),
                   (SELECT last_error FROM reminder_ledger WHERE state = 'failed' ORDER BY updated_at DESC LIMIT 1)
            """);
        var data = new Dictionary<string, object>
        {
            ["activeSubscriptions"] = active,
            ["refusedAddresses"] = refused,
            ["remindersAwaitingRetry"] = waiting,
        };
        if (waiting == 0)
        {
            return HealthCheckResult.Healthy("Reminders are being delivered.", data);
        }

        data["lastError"] = lastError ?? "";
        return HealthCheckResult.Degraded($"{waiting} reminder(s) wait for another attempt: {lastError}", data: data);
    }
}
