using System.Text.RegularExpressions;
using Calendar.Core;
using Calendar.Service.Page;
using NodaTime;

namespace Calendar.Service.Tests.Page;

/// <summary>The page's HTML as sent: encoding of the facts' text, the links, what it says about people and sources, and when there is nothing to subscribe to.</summary>
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
        Assert.Contains("""href="https://example.org/?a=1&amp;b=%3C2%3E" rel="noopener">“A &quot;quoted&quot; &lt;title&gt;”</a>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedHostHeader_DoesNotReachTheSubscribeLinks_WhenThePublicAddressIsSet()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2027, 1, 10, 6, 0)).With("Calendar:PublicBaseUrl", "https://calendar.example.org/diplomacy");

        var html = await GetPage(app, "/?country=XA", request => request.Headers.Host = "evil.example");

        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.Contains("value=\"https://calendar.example.org/diplomacy/calendar.ics?country=XA\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"webcal://calendar.example.org/diplomacy/calendar.ics?country=XA\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindAProxy_WithoutAPublicAddress_TheSubscribeLinksUseTheForwardedSchemeAndHost()
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

    [Fact]
    public async Task AFilterWhoseEventsAreKnownOnlyToTheYear_SaysSo_InsteadOfOfferingAFeedAndReminders()
    {
        using var app = new CalendarApplication(now: Instant.FromUtc(2027, 5, 1, 7, 0));

        var spain = await GetPage(app, "/?country=ES");
        var italy = await GetPage(app, "/?country=IT");

        // Spain's facts are all known only to the year: the feed would be empty and no reminder would come.
        Assert.Contains("id=\"nothing-to-deliver\"", spain, StringComparison.Ordinal);
        Assert.Contains("is known only to the year", spain, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"subscribe-webcal\"", spain, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reminders\"", spain, StringComparison.Ordinal);
        Assert.Contains("18th anniversary of strategic cooperation between Kazakhstan and Spain", spain, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"nothing-to-deliver\"", italy, StringComparison.Ordinal);
        Assert.Contains("id=\"subscribe-webcal\"", italy, StringComparison.Ordinal);
        Assert.Contains("id=\"reminders\"", italy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeopleAreLabelledByWhatTheFactIs_AndNotesAndSourcesReadWithoutIdsOrBrackets()
    {
        using var app = new CalendarApplication(now: Instant.FromUtc(2027, 5, 1, 7, 0));

        var html = await GetPage(app, "/");

        // The 85th anniversary of Kasse Sebero's death (1943, known only to the year): he is the person it is about.
        var death = Item(html, "kz-si-sebero-death.2028");
        Assert.Contains("<span class=\"label\">Person:</span> Kasse Sebero", death, StringComparison.Ordinal);
        Assert.DoesNotContain("Participant", death, StringComparison.Ordinal);
        Assert.Contains("A memorial plaque to him was unveiled in Povir, Slovenia, in 2018.", death, StringComparison.Ordinal);
        Assert.Contains("<li>Kazinform, 20 October 2022: “Kazakhstan, Slovenia mark 30th anniversary of diplomatic relations”</li>", death, StringComparison.Ordinal);
        Assert.Contains(
            "<li>Kazinform, 24 June 2023, on the 30th anniversary of diplomatic relations between Kazakhstan and Argentina</li>",
            Item(html, "kz-ar-relations.2027"),
            StringComparison.Ordinal);
        var events = html[html.IndexOf("<section class=\"events\"", StringComparison.Ordinal)..];
        Assert.DoesNotMatch(@"\(see kz-|\(kz-|\[[A-Z]", events);
    }

    [Fact]
    public async Task AnUnknownLang_IsA400PageNamingIt_AndAcceptLanguageIsAnsweredWithVary()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2027, 1, 10, 6, 0));
        using var client = app.CreateHttpClient();

        using var bad = await client.GetAsync(new Uri("/?lang=de", UriKind.Relative), TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Accept-Language", "ru-KZ");
        using var russian = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Language: &#x27;de&#x27; is not one of this calendar&#x27;s choices", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(["ru"], russian.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", russian.Headers.Vary);
    }

    [Theory]
    [InlineData("ru", "В адресе ошибка", "Страна: «QQ» нет среди вариантов этого календаря; начните заново со страницы календаря.", "from: у этого календаря нет такого параметра; начните заново со страницы календаря.")]
    [InlineData("kk", "Мекенжайда қате бар", "Ел: «QQ» бұл күнтізбенің таңдаулары арасында жоқ; күнтізбе бетінен қайта бастаңыз.", "from: бұл күнтізбеде мұндай параметр жоқ; күнтізбе бетінен қайта бастаңыз.")]
    public async Task ABadFilterOnTheRussianOrKazakhPage_IsExplainedInThePagesLanguage_NotAsEnglishProblemDetails(string language, string heading, string countryLine, string fromLine)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2027, 1, 10, 6, 0));
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri($"/?lang={language}&country=QQ&from=yesterday", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"<h2>{heading}</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<li>{countryLine}</li>", html, StringComparison.Ordinal);
        Assert.Contains($"<li>{fromLine}</li>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "On this calendar", "Everywhere", "Italy · Rome")]
    [InlineData("ru", "Страны этого календаря", "Все часовые пояса", "Италия · Rome")]
    [InlineData("kk", "Осы күнтізбенің елдері", "Барлық уақыт белдеулері", "Италия · Rome")]
    public async Task TheReminderFormsTimeZones_NameTheCountryInThePagesLanguage_AndKeepTheIanaIdAsTheValue(string language, string here, string everywhere, string rome)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2027, 1, 10, 6, 0));

        var html = WebUtility.HtmlDecode(await GetPage(app, $"/?lang={language}"));

        Assert.Contains($"<optgroup label=\"{here}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<optgroup label=\"{everywhere}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"Europe/Rome\">{rome}</option>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Only the nearest 500 of the 501 events in the next twelve months are listed. Choose countries or a kind above to narrow the list.")]
    [InlineData("ru", "Показаны только ближайшие 500 из 501 события на двенадцать месяцев вперёд. Чтобы сузить список, выберите выше страны или вид событий.")]
    [InlineData("kk", "Ең жақын 500 оқиға ғана көрсетілген (алдағы он екі айда барлығы 501 оқиға). Тізімді тарылту үшін жоғарыдан елдерді немесе оқиға түрін таңдаңыз.")]
    public async Task MoreEventsThanThePageLists_AreCutToTheNearest_AndThePageSaysSo(string lang, string says)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Visits(501));
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2027, 1, 10, 6, 0));

        var html = await GetPage(app, "/?lang=" + lang);

        Assert.Equal(500, Regex.Count(html, "<li class=\"event\""));
        Assert.Contains("id=\"visit-001\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"visit-500\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("visit-501", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"more\" id=\"nearest-only\">{says}</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsManyEventsAsThePageLists_AreAllListed_WithoutANote()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Visits(500));
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2027, 1, 10, 6, 0));

        var html = await GetPage(app, "/");

        Assert.Equal(500, Regex.Count(html, "<li class=\"event\""));
        Assert.DoesNotContain("nearest-only", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_002, Language.Ru, "из 1\u00A0002 событий")]
    [InlineData(18_521, Language.Ru, "из 18\u00A0521 события")]
    [InlineData(18_528, Language.Kk, "барлығы 18\u00A0528 оқиға")]
    [InlineData(18_528, Language.En, "of the 18,528 events")]
    public void TheNoteOnACutList_GroupsTheDigits_AndTheNounFollowsTheNumber(int total, Language language, string says)
    {
        var text = PageText.For(language);

        Assert.Contains(says, text.NearestOnly(500, total), StringComparison.Ordinal);
    }

    /// <summary><paramref name="count"/> visits from 11 January 2027, two a day, numbered in date order (visit-001 first).</summary>
    private static string Visits(int count) => FactsFiles.Countries + "\nfacts:\n" + string.Concat(Enumerable.Range(1, count).Select(n => $$"""
          - id: visit-{{n:000}}
            kind: visit
            countries: [XA, XB]
            date: {{new LocalDate(2027, 1, 11).PlusDays((n - 1) / 2):yyyy-MM-dd}}
            title: Visit {{n}}
            sources: [{ title: "[Invented for tests]" }]

        """));

    internal static async Task<string> GetPage(CalendarApplication app, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        configure?.Invoke(request);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The list item of one occurrence.</summary>
    private static string Item(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{id} is not on the page");
        return html[start..(html.IndexOf("</ul></li>", start, StringComparison.Ordinal) + "</ul></li>".Length)];
    }
}
