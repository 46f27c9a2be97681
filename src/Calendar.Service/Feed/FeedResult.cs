using Microsoft.Net.Http.Headers;
using NodaTime;

namespace Calendar.Service.Feed;

/// <summary>Sends a built feed as calendar clients poll it: conditional GET, HEAD, gzip when asked.</summary>
/// <param name="document">The feed.</param>
/// <param name="changes">When its generation went into service: <c>Last-Modified</c>, read only when the answer needs it.</param>
/// <param name="now">The service's clock for this response: the <c>Date</c> header, and the date a new generation is recorded with.</param>
/// <param name="maxAge">How long a copy may be reused.</param>
internal sealed class FeedResult(FeedDocument document, FeedChanges changes, Instant now, TimeSpan maxAge) : IResult
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private static readonly HttpDateText Dates = new();
    private static readonly HttpDateText LastModifiedDates = new();
    private static volatile CacheControlText? _cacheControl;

    public FeedDocument Document { get; } = document;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        var representation = AcceptsGzip(request) ? Document.Gzip : Document.Identity;

        // Sent with 200 and 304 alike, as RFC 9110 §15.4.5 asks: the ETag, Date, how long a copy may be reused and what
        // it varies on. Strings made once (the ETag with its feed, the rest per second or per setting): a poll parses and
        // formats nothing.
        var headers = response.Headers;
        headers.ETag = representation.ETagText;
        // Both from the service's clock rather than Kestrel's own, which lags up to a second (and is not the tests' fake clock).
        var date = Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        headers.Date = Dates.Format(date);
        // Public: the feed is the same for everyone. must-revalidate: once max-age has passed, a cache asks
        // (cheaply, with If-None-Match) rather than serving an old copy when the origin is unreachable.
        headers.CacheControl = CacheControlFor(maxAge);
        // The ETag depends on the encoding chosen, so caches must key on Accept-Encoding.
        headers.Vary = HeaderNames.AcceptEncoding;

        // Nothing else on a 304 (§15.4.5: no other metadata when there is an ETag): a cache keeps the headers of its
        // stored response that a 304 leaves out (RFC 9111 §4.3.4), and the security headers guard a body, which a 304 has not.
        // A client that sends back the ETag it holds, as calendar apps do, is answered without reading when the feed changed.
        if (request.Headers.IfNoneMatch is [var tag] && string.Equals(tag, representation.ETagText, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        // Compared with the date recorded, not the one sent: a copy dated before it is older than the feed.
        var changedAt = changes.Record(Document.Generation, now);
        if (IsNotModified(request, representation.ETag, changedAt.ToDateTimeOffset()))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        // RFC 9110 §8.8.2.1: never later than Date; a date recorded ahead of the clock is sent as Date.
        headers.LastModified = LastModifiedDates.Format(Instant.Min(changedAt, date));
        // Set here rather than when the response starts: a poll answered at the front of the pipeline
        // (FeedRevalidation) comes before the middleware that would register a callback for each request.
        SecurityHeaders.Apply(httpContext);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        if (representation.ContentEncoding is { } encoding)
        {
            headers.ContentEncoding = encoding;
        }

        // HEAD gets every header of the GET, Content-Length included, and no body (RFC 9110 §9.3.2).
        response.ContentLength = representation.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : representation.WriteToAsync(response, httpContext.RequestAborted);
    }

    /// <summary>RFC 9110 §13.2.2: If-None-Match decides when present, and If-Modified-Since is then ignored.</summary>
    /// <remarks>
    /// If-None-Match uses the weak comparison (§13.1.2), so <c>W/"x"</c> matches <c>"x"</c>. A tag that does
    /// not match, as a client holding an older feed sends, always gets the full feed.
    /// </remarks>
    public static bool IsNotModified(HttpRequest request, EntityTagHeaderValue current, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (request.Headers.ContainsKey(HeaderNames.IfNoneMatch))
        {
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        }

        // An unparsable date is ignored (§13.1.3), which means a full response.
        return headers.IfModifiedSince is { } since && lastModified <= since;
    }

    private static string CacheControlFor(TimeSpan maxAge)
    {
        var cached = _cacheControl;
        if (cached is null || cached.MaxAge != maxAge)
        {
            _cacheControl = cached = new CacheControlText(maxAge, new CacheControlHeaderValue { Public = true, MaxAge = maxAge, MustRevalidate = true }.ToString());
        }

        return cached.Text;
    }

    /// <summary>Whether the client takes gzip: named with a non-zero q, or covered by <c>*</c> (RFC 9110 §12.5.3).</summary>
    private static bool AcceptsGzip(HttpRequest request)
    {
        if (request.Headers.AcceptEncoding.Count == 0)
        {
            return false;
        }

        var accepted = request.GetTypedHeaders().AcceptEncoding;
        var gzip = accepted.FirstOrDefault(value => value.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase));
        var any = accepted.FirstOrDefault(value => value.Value.Equals("*", StringComparison.Ordinal));
        return (gzip ?? any) is { } choice && (choice.Quality ?? 1) > 0;
    }

    private sealed record CacheControlText(TimeSpan MaxAge, string Text);
}
