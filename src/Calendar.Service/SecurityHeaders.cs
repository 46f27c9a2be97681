namespace Calendar.Service;

/// <summary>Security headers on every response, errors included: a strict Content-Security-Policy, no MIME sniffing, no referrer.</summary>
/// <remarks>
/// The pages have no script and link their one stylesheet, so the policy allows nothing inline; nothing may frame
/// them (the confirm and unsubscribe buttons must not be clickjacked). Swagger UI at <c>/docs</c> sets inline styles
/// from its script, so it gets a policy of its own that allows them there and nowhere else.
/// </remarks>
internal static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public const string ApiDocumentationPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // At the last moment, so that the exception handler, which clears the headers of a failed response, cannot drop them.
        context.Response.OnStarting(() =>
        {
            // Not on a 304: it has no body for them to guard, and a cache keeps those of its stored response (RFC 9111 §4.3.4).
            if (context.Response.StatusCode != StatusCodes.Status304NotModified)
            {
                Apply(context);
            }

            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>Sets the headers on the response; for answers sent before this middleware (feed polls), by themselves.</summary>
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? ApiDocumentationPolicy : PagePolicy;
        headers.XContentTypeOptions = "nosniff";
        // Links to sources leave the site; the confirm and unsubscribe addresses carry a token: send neither address on.
        headers["Referrer-Policy"] = "no-referrer";
        // For browsers that predate frame-ancestors.
        headers.XFrameOptions = "DENY";
    }
}
