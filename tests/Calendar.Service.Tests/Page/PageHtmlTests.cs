using NodaTime;

namespace Calendar.Service.Tests.Page;

/// <summary>The page's HTML as sent: encoding of the facts' text, and links that follow the proxy's scheme and host.</summary>
public class PageHtmlTests
{
    [Fact]
    public async Task TextFromTheFacts_IsEncoded_AndLettersOfEveryScriptStayReadable()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", """
            countries:
              XA: Қазақстан
              XB: Brobdingnag
            facts:
              - id: xa-xb-visit
                kind: visit
                countries: [XA, XB]
                date: 2027-03-05
                title: '<script>alert("x")</script> & Әбу''s visit'
                note: "Line one\nLine <b>two</b>"
                sources:
                  - title: 'A "quoted" <title>'
                    url: https://example.org/?a=1&b=<2>
            """);
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2027, 1, 10, 6, 0));

        var html = await GetPage(app, "/");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>two", html, StringComparison.Ordinal);
        Assert.Contains("<h3>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Әбу&#x27;s visit</h3>", html, StringComparison.Ordinal);
        Assert.Contains("Қазақстан – Brobdingnag", html, StringComparison.Ordinal);
        Assert.Contains("""<a href="https://example.org/?a=1&amp;b=%3C2%3E" rel="noopener">A &quot;quoted&quot; &lt;title&gt;</a>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRemindersForm_CarriesTheCurrentFilter_AndSaysTheConfiguredLadder()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2027, 1, 10, 6, 0))
            .With("Calendar:Reminders:LeadDays:0", "14")
            .With("Calendar:Reminders:LeadDays:1", "2")
            .With("Calendar:Reminders:SendAt", "08:30");

        var html = await GetPage(app, "/?country=XB&kind=anniversary&jubilee=true");

        var form = html[html.IndexOf("<form id=\"reminders\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        Assert.Contains("""<form id="reminders" method="post" action="/subscriptions">""", form, StringComparison.Ordinal);
        Assert.Contains("""<input type="hidden" name="country" value="XB">""", form, StringComparison.Ordinal);
        Assert.Contains("""<input type="hidden" name="kind" value="anniversary">""", form, StringComparison.Ordinal);
        Assert.Contains("""<input type="hidden" name="jubilee" value="true">""", form, StringComparison.Ordinal);
        Assert.Contains("14 and 2 days ahead (jubilees 90, 30, 7 and 1), at 08:30 in Asia/Almaty", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindAProxy_TheSubscribeLinksUseTheForwardedSchemeAndHost()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        // The proxy (the test, on loopback) is a configured one: its X-Forwarded-Proto is believed.
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2027, 1, 10, 6, 0)).With("Calendar:ForwardedHeaders:KnownProxies:0", "127.0.0.1");

        var html = await GetPage(app, "/?country=XA", request =>
        {
            request.Headers.Host = "calendar.example.org";
            request.Headers.Add("X-Forwarded-Proto", "https");
        });

        Assert.Contains("value=\"https://calendar.example.org/calendar.ics?country=XA\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"webcal://calendar.example.org/calendar.ics?country=XA\"", html, StringComparison.Ordinal);
    }

    private static async Task<string> GetPage(CalendarApplication app, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        configure?.Invoke(request);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
