using Microsoft.Net.Http.Headers;

namespace Calendar.Service.Feed;

/// <summary>Sends a built feed as calendar clients poll it: conditional GET, HEAD, gzip when asked.</summary>
internal sealed class FeedResult(FeedDocument document, TimeSpan maxAge) : IResult
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public FeedDocument Document { get; } = document;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        var representation = AcceptsGzip(request) ? Document.Gzip : Document.Identity;

        // Sent with 200 and 304 alike (RFC 9110 §15.4.5): the validators, and how long a copy may be reused.
        var headers = response.GetTypedHeaders();
        headers.ETag = representation.ETag;
        headers.LastModified = Document.LastModified;
        // Public: the feed is the same for everyone. must-revalidate: once max-age has passed, a cache asks
        // (cheaply, with If-None-Match) rather than serving an old copy when the origin is unreachable.
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = maxAge, MustRevalidate = true };
        // The ETag depends on the encoding chosen, so caches must key on Accept-Encoding.
        response.Headers.Vary = HeaderNames.AcceptEncoding;

        if (IsNotModified(request, representation.ETag, Document.LastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        if (representation.ContentEncoding is { } encoding)
        {
            response.Headers.ContentEncoding = encoding;
        }

        // HEAD gets every header of the GET, Content-Length included, and no body (RFC 9110 §9.3.2).
        response.ContentLength = representation.Bytes.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(representation.Bytes, httpContext.RequestAborted);
        }
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

    /// <summary>Whether the client takes gzip: named with a non-zero q, or covered by <c>*</c> (RFC 9110 §12.5.3).</summary>
    private static bool AcceptsGzip(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        var gzip = accepted.FirstOrDefault(value => value.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase));
        var any = accepted.FirstOrDefault(value => value.Value.Equals("*", StringComparison.Ordinal));
        return (gzip ?? any) is { } choice && (choice.Quality ?? 1) > 0;
    }
}
