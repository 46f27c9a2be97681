using NodaTime;

namespace Calendar.Service.Tests.Page;

/// <summary>Security headers on every kind of response, and the stylesheet the policy makes the pages link.</summary>
public class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/?country=QQ")]
    [InlineData("/subscriptions/unsubscribe?token=1.forged")]
    [InlineData("/calendar.ics")]
    [InlineData("/api/events/upcoming")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_ForbidsFramingSniffingInlineCodeAndReferrers(string path)
    {
        using var app = new CalendarApplication(now: Instant.FromUtc(2027, 5, 1, 7, 0));
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task TheApiDocumentation_GetsAPolicyThatLetsSwaggerUiRun_AndStillCannotBeFramed()
    {
        using var app = new CalendarApplication(now: Instant.FromUtc(2027, 5, 1, 7, 0));
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/docs/index.html", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStylesheet_IsCachedForAYearUnderItsVersion_AndAnswers304ToItsETag()
    {
        using var app = new CalendarApplication(now: Instant.FromUtc(2027, 5, 1, 7, 0));
        using var client = app.CreateHttpClient();
        var page = await PageHtmlTests.GetPage(app, "/");
        var href = System.Text.RegularExpressions.Regex.Match(page, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;

        using var first = await client.GetAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri(href, UriKind.Relative));
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(conditional, TestContext.Current.CancellationToken);
        using var unversioned = await client.GetAsync(new Uri("/calendar.css", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.StartsWith("/calendar.css?v=", href, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/css; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        Assert.Contains(".badge.jubilee", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("public, max-age=31536000, immutable", Header(first, "Cache-Control"));
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("no-cache", Header(unversioned, "Cache-Control"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
