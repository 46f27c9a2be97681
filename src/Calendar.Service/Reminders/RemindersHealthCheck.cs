using Calendar.Service.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Calendar.Service.Reminders;

/// <summary>Degraded while reminders wait for another attempt (the mail server is failing); counts refused addresses.</summary>
internal sealed class RemindersHealthCheck(CalendarDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM subscriptions WHERE state = 'active' AND rejected_at IS NULL),
                   (SELECT count(*) FROM subscriptions WHERE rejected_at IS NOT NULL),
                   (SELECT count(*) FROM reminder_ledger WHERE state = 'failed'),
                   (SELECT last_error FROM reminder_ledger WHERE state = 'failed' ORDER BY updated_at DESC LIMIT 1)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        var data = new Dictionary<string, object>
        {
            ["activeSubscriptions"] = reader.GetInt64(0),
            ["refusedAddresses"] = reader.GetInt64(1),
            ["remindersAwaitingRetry"] = reader.GetInt64(2),
        };
        if (reader.GetInt64(2) == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Reminders are being delivered.", data));
        }

        data["lastError"] = reader.GetString(3);
        return Task.FromResult(HealthCheckResult.Degraded($"{reader.GetInt64(2)} reminder(s) wait for another attempt: {reader.GetString(3)}", data: data));
    }
}
