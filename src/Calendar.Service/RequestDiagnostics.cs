namespace Calendar.Service;

/// <summary>The host's per-request Activity and log scope: off unless configuration or a tracing listener asks for them.</summary>
/// <remarks>
/// ASP.NET Core's hosting starts an Activity and a log scope (request id, path, trace id) for every request as soon as
/// its <c>Microsoft.AspNetCore.Hosting.Diagnostics</c> category logs anything at all, errors only included, and nothing
/// here reads them: the console shows no scopes and no tracing is configured. On a conditional poll of a feed (304)
/// they were about a tenth of the request's own work. That category logs nothing at Warning or above once the host has
/// started, so it is off by default; <c>Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics</c> still turns it
/// back on (configuration's rule comes after this one and wins), and an <c>ActivitySource</c> listener (OpenTelemetry)
/// still gets its Activity.
/// </remarks>
internal static class RequestDiagnostics
{
    public const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IServiceCollection AddRequestDiagnosticsOnlyWhenAsked(this IServiceCollection services) =>
        services.Configure<LoggerFilterOptions>(options => options.Rules.Insert(0, new LoggerFilterRule(null, Category, LogLevel.None, null)));
}
