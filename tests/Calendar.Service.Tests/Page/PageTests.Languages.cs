namespace Calendar.Service.Tests.Page;

/// <summary>The page in Russian and Kazakh, chosen by <c>lang</c> or by the browser's language, with a switch that keeps the filter.</summary>
public partial class PageTests
{
    [Fact]
    public async Task InRussian_TheTitlesDatesBadgesAndHeadingsAreRussian()
    {
        var page = await host.OpenAsync("/?lang=ru");

        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Дипломатические годовщины", await page.Locator("h1").InnerTextAsync());
        var italy = page.Locator("li[id='kz-it-relations.2027']");
        Assert.Equal("35-летие установления дипломатических отношений между Казахстаном и Италией", await italy.Locator("h3").InnerTextAsync());
        Assert.Equal("Юбилей · 35-летие", await italy.Locator(".badge.jubilee").InnerTextAsync());
        Assert.Equal("суббота, 21 августа 2027 года", await italy.Locator("time").InnerTextAsync());
        Assert.Equal("через 112 дней", await italy.Locator(".until").InnerTextAsync());
        Assert.Equal("Казахстан — Италия", await italy.Locator(".countries").InnerTextAsync());
        Assert.Contains("Август 2027", await page.Locator("h2.month").AllInnerTextsAsync());
        Assert.EndsWith("/calendar.ics?lang=ru", await page.Locator("#feed-url").InputValueAsync(), StringComparison.Ordinal);
        Assert.Equal("ru", await page.Locator("#reminders input[name=language]").InputValueAsync());
        Assert.Equal(
            "Напоминания: все события и годовщины, за 30, 7 и 1 день (о юбилеях за 90, 30, 7 и 1 день), не больше одного письма в день.",
            await page.Locator("#reminders p").First.InnerTextAsync());
    }

    [Fact]
    public async Task WithoutLang_TheBrowsersLanguageChoosesKazakh()
    {
        var page = await host.NewPageAsync(new() { ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "de-DE, kk-KZ;q=0.9, ru;q=0.8, en;q=0.5" } });
        await page.GotoAsync(host.App.BaseAddress.ToString());

        Assert.Equal("kk", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Дипломатиялық мерейтойлар", await page.Locator("h1").InnerTextAsync());
        var italy = page.Locator("li[id='kz-it-relations.2027']");
        Assert.Equal("Қазақстан мен Италия арасындағы дипломатиялық қатынастардың орнағанына 35 жыл", await italy.Locator("h3").InnerTextAsync());
        Assert.Equal("2027 жылғы 21 тамыз, сенбі", await italy.Locator("time").InnerTextAsync());
        Assert.Equal("112 күннен кейін", await italy.Locator(".until").InnerTextAsync());
    }

    [Fact]
    public async Task TheLanguageSwitch_KeepsTheFilter_WithoutJavaScript()
    {
        var page = await host.OpenAsync("/?country=IT&lang=kk", javaScript: false);

        await page.Locator("nav.languages a[hreflang=ru]").ClickAsync();

        Assert.EndsWith("/?country=IT&lang=ru", page.Url, StringComparison.Ordinal);
        Assert.Equal("Русский", await page.Locator("nav.languages [aria-current=page]").InnerTextAsync());
        Assert.Equal("Италия", await page.Locator("#filter-country option[selected]").InnerTextAsync());
        Assert.Contains("Италия", await page.Locator("header .lede").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", 1100, 1400, "page-ru.png")]
    [InlineData("kk", 1100, 1400, "page-kk.png")]
    public async Task ThePageInRussianAndKazakh_FitsTheScreen_AndIsScreenshotted(string lang, int width, int height, string file)
    {
        var page = await host.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, DeviceScaleFactor = 1 });
        await page.GotoAsync(new Uri(host.App.BaseAddress, $"/?lang={lang}").ToString());
        await page.Locator(".badge.jubilee").First.ScrollIntoViewIfNeededAsync();

        await Screenshots.AssertShowsThePageLookAsync(host.Browser, page, width, height, file);
    }
}
