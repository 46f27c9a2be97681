using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Calendar.Service.Subscriptions;

/// <summary><c>Calendar:ForwardedHeaders</c>: the proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed.</summary>
/// <remarks>
/// The form's rate limit and the admin API's slow-down count per client address. Behind a reverse proxy every
/// request comes from the proxy, so everyone would share one count; but a header any peer can send cannot be
/// believed from anyone, or each request could name a new client. Empty (the default): forwarded headers are ignored.
/// </remarks>
internal sealed class TrustedProxyOptions
{
    public const string Section = "Calendar:ForwardedHeaders";

    /// <summary>Addresses of the reverse proxies in front of the service, e.g. <c>10.0.0.5</c>, <c>::1</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of them, in CIDR notation, e.g. <c>10.0.0.0/8</c>, <c>fd00::/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>Sets ASP.NET Core's forwarded-headers middleware to believe exactly the configured proxies, and nobody else.</summary>
/// <remarks>
/// Runs after every other setup, so that <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>, which empties the lists and
/// so believes any peer, has no effect here beyond a warning.
/// </remarks>
internal sealed partial class TrustedProxies(IOptions<TrustedProxyOptions> trusted, IConfiguration configuration, ILogger<TrustedProxies> logger)
    : IPostConfigureOptions<ForwardedHeadersOptions>
{
    public void PostConfigure(string? name, ForwardedHeadersOptions options)
    {
        if (string.Equals(configuration["ForwardedHeaders_Enabled"], "true", StringComparison.OrdinalIgnoreCase))
        {
            LogEnvironmentIgnored();
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in trusted.Value.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        }

        foreach (var network in trusted.Value.KnownNetworks)
        {
            options.KnownIPNetworks.Add(IPNetwork.Parse(network.Trim()));
        }

        var any = options.KnownProxies.Count + options.KnownIPNetworks.Count > 0;
        options.ForwardedHeaders = any ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
        // Through a chain of known proxies to the first address that is not one: the client.
        options.ForwardLimit = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ASPNETCORE_FORWARDEDHEADERS_ENABLED is ignored: it would believe X-Forwarded-For from anyone. List the proxies in Calendar:ForwardedHeaders:KnownProxies or KnownNetworks")]
    private partial void LogEnvironmentIgnored();
}

/// <summary>Every known proxy is an address and every network a CIDR range, or the service does not start.</summary>
internal sealed class TrustedProxyOptionsValidator : IValidateOptions<TrustedProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i].Trim(), out _))
            {
                failures.Add($"{TrustedProxyOptions.Section}:KnownProxies:{i}: '{options.KnownProxies[i]}' is not an IP address (e.g. 10.0.0.5)");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.KnownNetworks[i].Trim(), out _))
            {
                failures.Add($"{TrustedProxyOptions.Section}:KnownNetworks:{i}: '{options.KnownNetworks[i]}' is not a network in CIDR notation (e.g. 10.0.0.0/8)");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
