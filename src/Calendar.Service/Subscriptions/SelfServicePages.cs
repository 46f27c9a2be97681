using System.Net;
using System.Text;
using Calendar.Service.Page;

namespace Calendar.Service.Subscriptions;

/// <summary>The small pages of self-service: "check your inbox", confirm, unsubscribe. Plain HTML, no script.</summary>
internal static class SelfServicePages
{
    public static ContentHttpResultWithStatus Message(string title, string text, int status = StatusCodes.Status200OK) =>
        new(Layout(title, $"<p>{E(text)}</p><p><a href=\"/\">Back to the calendar</a></p>"), status);

    /// <summary>A button that POSTs the token: link scanners in mail systems follow GET links, never forms.</summary>
    public static ContentHttpResultWithStatus Button(string title, string text, string action, string token, string button) =>
        new(Layout(title, $"""
            <p>{E(text)}</p>
            <form method="post" action="{E(action)}">
            <input type="hidden" name="token" value="{E(token)}">
            <button type="submit">{E(button)}</button>
            </form>
            """), StatusCodes.Status200OK);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Layout(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)}</title>
        <style>{PageStyles.Css}</style>
        </head>
        <body>
        <main>
        <h1>{E(title)}</h1>
        {body}
        </main>
        </body>
        </html>
        """;
}

/// <summary>An HTML page with a status code.</summary>
internal sealed class ContentHttpResultWithStatus(string html, int status) : IResult
{
    public int Status { get; } = status;

    public string Html { get; } = html;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Status;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        httpContext.Response.Headers.CacheControl = "no-store";
        return httpContext.Response.WriteAsync(Html, Encoding.UTF8);
    }
}
