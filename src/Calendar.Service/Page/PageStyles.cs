using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Calendar.Service.Page;

/// <summary>The stylesheet of the page, the self-service pages and the reminder email (<c>calendar.css</c>, embedded).</summary>
/// <remarks>
/// Served from <see cref="Path"/> rather than inlined, so that the Content-Security-Policy can forbid inline styles;
/// the page links it with a version from its hash, so that it can be cached for a year and still change on deploy.
/// The email cannot link it (mail clients do not fetch stylesheets): it gets the same text inlined.
/// </remarks>
internal static class PageStyles
{
    public const string Path = "/calendar.css";

    public static string Css { get; } = Read();

    public static byte[] Bytes { get; } = Encoding.UTF8.GetBytes(Css);

    private static readonly string Hash = Convert.ToHexStringLower(SHA256.HashData(Bytes))[..16];

    public static EntityTagHeaderValue ETag { get; } = new($"\"{Hash}\"");

    /// <summary>The address the pages link: versioned by the content's hash.</summary>
    public static string Href { get; } = $"{Path}?v={Hash}";

    /// <summary><c>GET /calendar.css</c>: a strong ETag (304 on a match); cached for a year under the current version, revalidated under any other.</summary>
    public static FileContentHttpResult Get(HttpContext context)
    {
        context.Response.Headers.CacheControl = context.Request.Query["v"] == Hash ? "public, max-age=31536000, immutable" : "no-cache";
        return TypedResults.Bytes(Bytes, "text/css; charset=utf-8", entityTag: ETag);
    }

    private static string Read()
    {
        using var stream = typeof(PageStyles).Assembly.GetManifestResourceStream("Calendar.Service.Page.calendar.css")
            ?? throw new InvalidOperationException("calendar.css is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
