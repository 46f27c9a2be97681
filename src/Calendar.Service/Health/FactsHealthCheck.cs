using Calendar.Service.Timeline;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime.Text;

namespace Calendar.Service.Health;

/// <summary>Healthy while the facts in service are the ones on disk; degraded while an edit is rejected (invalid, too slow to load, or failing).</summary>
internal sealed class FactsHealthCheck(CalendarState state) : IHealthCheck
{
    private const int ListedErrors = 100;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsLoaded)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The facts have not been loaded yet."));
        }

        var snapshot = state.Current;
        var data = new Dictionary<string, object>
        {
            ["facts"] = snapshot.Facts.Facts.Count,
            ["version"] = snapshot.Version.Hash,
            ["lastModified"] = InstantPattern.General.Format(snapshot.Version.LastModified),
            ["today"] = LocalDatePattern.Iso.Format(snapshot.Today),
        };

        if (state.Failure is not { } failure)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{snapshot.Facts.Facts.Count} facts in service.", data));
        }

        // The first hundred: enough to fix them by, and a bounded body however broken the edit; validate prints them all.
        data["errors"] = failure.Errors.Take(ListedErrors).Select(error => error.ToString()).ToArray();
        data["errorCount"] = failure.Errors.Count;
        data["failedAt"] = InstantPattern.General.Format(failure.At);
        return Task.FromResult(HealthCheckResult.Degraded(
            $"A facts edit was rejected ({failure.Errors.Count} error(s)); still serving version {snapshot.Version.Hash}.", data: data));
    }
}
