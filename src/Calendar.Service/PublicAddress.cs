using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Calendar.Service;

/// <summary>The address people reach the service at, for links that leave the request: emails, subscribe links.</summary>
/// <remarks>
/// <c>Calendar:PublicBaseUrl</c> when set. Otherwise it is derived from where the server listens (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>), https first; a wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) becomes
/// this machine's name. A derived address is a guess: behind a proxy or a load balancer, set the real one.
/// </remarks>
internal sealed partial class PublicAddress(IOptions<CalendarOptions> options, IServer server, ILogger<PublicAddress> logger)
{
    private static readonly Uri Fallback = new("http://localhost:5000/");
    private Uri? _derived;

    /// <summary><c>Calendar:PublicBaseUrl</c>, or null when it is not set.</summary>
    public Uri? Configured => options.Value.PublicBaseUrl is { } url ? WithTrailingSlash(url) : null;

    /// <summary>The configured address, or the one derived from where the server listens; always ends with a slash.</summary>
    public Uri BaseUrl => Configured ?? (_derived ??= Derive(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) ?? Fallback);

    /// <summary>An absolute link to <paramref name="relative"/> (no leading slash: it keeps a base path).</summary>
    public Uri Link(string relative) => new(BaseUrl, relative);

    /// <summary>Says at start which address links will use, and how it was chosen.</summary>
    public void LogChoice()
    {
        if (Configured is { } configured)
        {
            LogConfigured(configured);
        }
        else
        {
            LogDerived(BaseUrl);
        }
    }

    /// <summary>The first https address the server listens on, else the first http one; wildcards become the host name.</summary>
    public static Uri? Derive(IEnumerable<string> listening)
    {
        var candidates = listening
            .Select(address => address.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal))
            .Select(address => Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(uri => uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            .OrderBy(uri => uri.Scheme == Uri.UriSchemeHttps ? 0 : 1)
            .ToList();
        if (candidates.FirstOrDefault() is not { } chosen)
        {
            return null;
        }

        var wildcard = chosen.Host == "wildcard" || (IPAddress.TryParse(chosen.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)));
        var builder = new UriBuilder(chosen) { Path = "/" };
        if (wildcard)
        {
            builder.Host = Dns.GetHostName();
        }

        return builder.Uri;
    }

    // "https://example.org/calendar" is a folder: without the slash, relative links would replace "calendar".
    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new UriBuilder(url) { Path = url.AbsolutePath + "/" }.Uri;

    [LoggerMessage(Level = LogLevel.Information, Message = "Links in emails use {Url} (Calendar:PublicBaseUrl)")]
    private partial void LogConfigured(Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Links in emails use {Url}, derived from where the service listens: set Calendar:PublicBaseUrl to the address people use")]
    private partial void LogDerived(Uri url);
}
