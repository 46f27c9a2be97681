using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Calendar.Service.Health;

internal static class HealthApi
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseProbe>();
        services.AddHealthChecks().AddCheck<FactsHealthCheck>("facts").AddCheck<NodeHealthCheck>("node");
        return services;
    }

    /// <summary><c>GET /health</c>: 200 when healthy or degraded (still serving), 503 when not; details as JSON.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJson });
        return app;
    }

    /// <summary>The report as JSON, written by the framework (its content type, straight to the response).</summary>
    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data }),
        };
        return context.Response.WriteAsJsonAsync(body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
