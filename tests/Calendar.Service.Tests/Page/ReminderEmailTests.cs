using Calendar.Service.Tests.Reminders;
using Microsoft.Playwright;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Calendar.Service.Tests.Page;

/// <summary>The reminder email from the real composer (written to the outbox), shown in Chromium at phone and desktop widths.</summary>
public class ReminderEmailTests(ReminderEmailTests.Host host) : IClassFixture<ReminderEmailTests.Host>
{
    [Theory]
    [InlineData(390, 844, "email-phone.png")]
    [InlineData(1100, 1000, "email.png")]
    public async Task TheEmail_FitsTheScreen_WithThePagesLook_AndIsScreenshotted(int width, int height, string file)
    {
        var page = await host.ShowAsync(new() { ViewportSize = new() { Width = width, Height = height }, IsMobile = width < 600, DeviceScaleFactor = 1 });

        await Screenshots.AssertShowsThePageLookAsync(host.Browser, page, width, height, file);
    }

    [Fact]
    public async Task EachEvent_LinksToItselfOnThePage_WithTheSubscriptionsFilter_AndTheWayOutIsThere()
    {
        var page = await host.ShowAsync();

        Assert.Equal(["In 7 days", "Tomorrow"], await page.Locator("h2").AllInnerTextsAsync());
        Assert.Equal(
            ["http://calendar.test/?country=XB#xa-xb-relations.2027", "http://calendar.test/?country=XB#xa-xb-visit"],
            await page.Locator("h3 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        Assert.Equal(
            "You get these reminders for events and anniversaries involving Brobdingnag, 30, 7 and 1 days ahead (jubilees 90, 30, 7 and 1), at 09:00 in Europe/Rome.",
            await page.Locator("#why").InnerTextAsync());
        Assert.Equal("http://calendar.test/?country=XB", await page.Locator("#page").GetAttributeAsync("href"));
        Assert.StartsWith("http://calendar.test/subscriptions/unsubscribe?token=", await page.Locator("#unsubscribe").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal("Stop these reminders", await page.Locator("#unsubscribe").InnerTextAsync());
        Assert.Equal("Planned, not confirmed", await page.Locator(".badge.tentative").InnerTextAsync());

        // The anchors exist on the page the links lead to (here on the test host's own address).
        var calendar = await PageHtmlTests.GetPage(host.App, "/?country=XB");
        Assert.Contains("id=\"xa-xb-relations.2027\"", calendar, StringComparison.Ordinal);
        Assert.Contains("id=\"xa-xb-visit\"", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutItsStyleBlock_AsManyMailClientsShowIt_TheEmailKeepsItsLook()
    {
        var page = await host.ShowAsync();

        await page.EvaluateAsync("document.querySelectorAll('style').forEach(style => style.remove())");

        Assert.Equal(0, await page.Locator("style").CountAsync());
        Assert.Equal("rgb(154, 107, 0)", await page.Locator(".badge.jubilee").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("rgb(246, 247, 249)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(255, 246, 220)", await page.Locator("div.event.jubilee").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
    }

    /// <summary>One digest, composed by the service at 09:30 in Rome on 14 August 2027 and read from its outbox, and one browser.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly TempFolder _facts = new();
        private IPlaywright? _playwright;

        internal CalendarApplication App { get; private set; } = null!;

        internal IBrowser Browser { get; private set; } = null!;

        private string Html { get; set; } = "";

        public async ValueTask InitializeAsync()
        {
            _facts.Write("facts.yaml", """
                countries: { XA: Xanadu, XB: Brobdingnag }
                facts:
                  - id: xa-xb-relations
                    kind: relations
                    countries: [XA, XB]
                    date: 1992-08-21
                    title: Diplomatic relations established between Xanadu and Brobdingnag
                    derived: The article says the 30th anniversary falls 'today'.
                    sources: [{ about: the 30th anniversary of relations, outlet: Test Gazette, published: 2022-08-21 }]
                  - id: xa-xb-visit
                    kind: visit
                    countries: [XA, XB]
                    date: 2027-08-15
                    status: planned
                    place: { city: Lorbrulgrud, country: XB }
                    participants: [A. Envoy, B. Envoy]
                    title: Xanadu's foreign minister visits Brobdingnag
                    note: The first visit at this level, with a business delegation that is still being put together.
                    sources: [{ title: Minister to visit Brobdingnag, outlet: Test Gazette, published: 2027-06-01, url: "https://example.org/visit" }]
                """);
            App = new CalendarApplication(_facts.Path, ReminderFacts.At(2027, 8, 14, 9, 30, "Europe/Rome"))
                .With("Calendar:Subscriptions:0:Email", "alice@example.org")
                .With("Calendar:Subscriptions:0:Countries:0", "XB")
                .With("Calendar:Subscriptions:0:TimeZone", "Europe/Rome")
                .With("Calendar:PublicBaseUrl", "http://calendar.test/")
                .WithServices(services => services.Configure<QuartzHostedServiceOptions>(options => options.AutoStart = false));
            Assert.Equal(2, (await App.DispatchAsync()).Sent);
            var eml = Assert.Single(Directory.GetFiles(Path.Combine(App.DataPath, "outbox"), "*.eml"));
            Html = (await MimeMessage.LoadAsync(eml, TestContext.Current.CancellationToken)).HtmlBody ?? "";
            (_playwright, Browser) = await Chromium.LaunchAsync();
        }

        /// <summary>The email's HTML in a new page, as a mail client's viewer would show it.</summary>
        public async Task<IPage> ShowAsync(BrowserNewPageOptions? options = null)
        {
            var page = await Browser.NewPageAsync(options);
            await page.SetContentAsync(Html);
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            if (_playwright is not null)
            {
                await Browser.CloseAsync();
                _playwright.Dispose();
            }

            App?.Dispose();
            _facts.Dispose();
        }
    }
}
