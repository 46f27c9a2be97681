using Calendar.Core;
using Calendar.Service.Feed;

namespace Calendar.Service.Page;

/// <summary>The addresses that subscribe a calendar app to the feed for one filter.</summary>
/// <remarks>
/// Absolute, from the request's own scheme, host and path base, so that the page works under whatever name
/// it is reached by. Behind a TLS-terminating proxy, list it in <c>Calendar:ForwardedHeaders:KnownProxies</c> so that
/// its <c>X-Forwarded-Proto</c> makes these https.
/// </remarks>
internal sealed record SubscribeLinks(string Https, string Webcal, string Google)
{
    public static SubscribeLinks For(HttpRequest request, OccurrenceFilter filter)
    {
        var address = $"{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{FeedApi.Path}{FeedFilter.ToQueryString(filter).ToUriComponent()}";
        // webcal:// is the de facto scheme (never registered with IANA) that makes a browser hand the address to
        // the calendar app, which fetches it over http(s) from the same path.
        var webcal = "webcal://" + address;
        return new SubscribeLinks(
            $"{request.Scheme}://{address}",
            webcal,
            // Google Calendar's "add by URL" takes the webcal address as cid.
            "https://calendar.google.com/calendar/r?cid=" + Uri.EscapeDataString(webcal));
    }
}
