using Calendar.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Calendar.Service.Subscriptions;

/// <summary>The small pages of self-service: "check your inbox", confirm, unsubscribe. The page's look, no script.</summary>
internal static class SelfServicePages
{
    public static ContentHttpResultWithStatus Message(string title, string text, int status = StatusCodes.Status200OK, Language language = Language.En) =>
        new(new { Title = title, Text = text, Lang = language.Tag(), Back = SelfServiceText.For(language).BackToTheCalendar }, status);

    /// <summary>A button that POSTs the token: link scanners in mail systems follow GET links, never forms.</summary>
    public static ContentHttpResultWithStatus Button(string title, string text, string action, string token, string button, Language language = Language.En) =>
        new(new { Title = title, Text = text, Action = action, Token = token, ButtonText = button, Lang = language.Tag(), Back = SelfServiceText.For(language).BackToTheCalendar }, StatusCodes.Status200OK);
}

/// <summary>A self-service page (<see cref="SelfServicePage"/>) with a status code, never cached: it answers one person's link.</summary>
internal sealed class ContentHttpResultWithStatus(object parameters, int status) : IResult
{
    public int Status { get; } = status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<SelfServicePage>(parameters) { StatusCode = Status, PreventStreamingRendering = true }.ExecuteAsync(httpContext);
    }
}
