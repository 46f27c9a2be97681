using Calendar.Core;
using Calendar.Service.Feed;

namespace Calendar.Service.Page;

/// <summary>The addresses that subscribe a calendar app to the feed for one filter.</summary>
/// <remarks>
/// From <c>Calendar:PublicBaseUrl</c> when it is set, so that a forged <c>Host</c> header cannot put a stranger's
/// address in front of a visitor. Otherwise from the request's own scheme, host and path base (restrict the names
/// it answers to with <c>AllowedHosts</c>); behind a TLS-terminating proxy, list it in
/// <c>Calendar:ForwardedHeaders:KnownProxies</c> so that its <c>X-Forwarded-Proto</c> makes these https.
/// </remarks>
public sealed record SubscribeLinks(string Address, string Webcal, string Google)
{
    internal static SubscribeLinks For(PublicAddress publicAddress, HttpRequest request, OccurrenceFilter filter, Language language = Language.En)
    {
        var root = publicAddress.Configured ?? new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/");
        var feed = new Uri(root, FeedApi.Path.TrimStart('/') + FeedFilter.ToQueryString(filter, language == Language.En ? null : language).ToUriComponent());
        // webcal:// is the de facto scheme (never registered with IANA) that makes a browser hand the address to
        // the calendar app, which fetches it over http(s) from the same path.
        var webcal = "webcal://" + feed.AbsoluteUri[(feed.Scheme.Length + "://".Length)..];
        return new SubscribeLinks(
            feed.AbsoluteUri,
            webcal,
            // Google Calendar's "add by URL" takes the webcal address as cid.
            "https://calendar.google.com/calendar/r?cid=" + Uri.EscapeDataString(webcal));
    }
}
