using System.Text.RegularExpressions;
using Calendar.Service.Tests.Feed;
using Microsoft.Playwright;
using NodaTime;

namespace Calendar.Service.Tests.Page;

/// <summary>The page in a real headless browser, on the seeded facts, on 1 May 2027.</summary>
public partial class PageTests(PageTests.Host host) : IClassFixture<PageTests.Host>
{
    [Fact]
    public async Task ThePage_ListsTwelveMonthsByMonth_AndTheJubileesStandOut()
    {
        var page = await host.OpenAsync("/");

        // Month headings in calendar order, from May 2027 to April 2028 (months with nothing in them are left out).
        var months = (await page.Locator("h2.month[id^=month-]").EvaluateAllAsync<string[]>("hs => hs.map(h => h.id)")).ToList();
        Assert.Equal(months.Order(StringComparer.Ordinal), months);
        Assert.All(months, month => Assert.InRange(month, "month-2027-05", "month-2028-04"));
        Assert.Contains("June 2027", await page.Locator("h2.month").AllInnerTextsAsync());
        foreach (var (id, partner) in new[] { ("kz-lu-relations.2027", "Luxembourg"), ("kz-it-relations.2027", "Italy"), ("kz-si-relations.2027", "Slovenia") })
        {
            var item = page.Locator($"li[id='{id}']");
            Assert.Contains("jubilee", await item.GetAttributeAsync("class"));
            Assert.Equal("Jubilee · 35th", await item.Locator(".badge.jubilee").InnerTextAsync());
            Assert.Equal($"35th anniversary of diplomatic relations between Kazakhstan and {partner}", await item.Locator("h3").InnerTextAsync());
        }

        // Every jubilee has its badge; nothing else has one.
        Assert.Equal(await page.Locator("li.event.jubilee").CountAsync(), await page.Locator(".badge.jubilee").CountAsync());
    }

    [Fact]
    public async Task AnEvent_ShowsItsDateCountriesDetailsAndLinkedSources()
    {
        var page = await host.OpenAsync("/?country=AR");

        var centre = page.Locator("li[id='kz-ar-cultural-center-rosario.2027']");
        Assert.Equal("September 2027, day not known", await centre.Locator("time").InnerTextAsync());
        Assert.Equal("Kazakhstan – Argentina", await centre.Locator(".countries").InnerTextAsync());
        var argentina = page.Locator("li[id='kz-ar-relations.2027']");
        Assert.Equal("Wednesday 23 June 2027", await argentina.Locator("time").InnerTextAsync());
        Assert.Equal(
            "Kazinform, 24 June 2023, on the 30th anniversary of diplomatic relations between Kazakhstan and Argentina",
            await argentina.Locator(".sources li").InnerTextAsync());
        Assert.Equal("Anniversary of: Diplomatic relations established between Kazakhstan and Argentina, 23 June 1993", await argentina.Locator(".detail").First.InnerTextAsync());
        foreach (var link in await page.Locator(".sources a").AllAsync())
        {
            Assert.StartsWith("http", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FilteringByCountry_WorksWithoutJavaScript_AndGivesAShareableUrl()
    {
        var page = await host.OpenAsync("/", javaScript: false);

        await page.SelectOptionAsync("#filter-country", "LU");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(new Regex(@"/\?country=LU(&|$)"));

        var countries = await page.Locator("li.event .countries").AllInnerTextsAsync();
        Assert.NotEmpty(countries);
        Assert.All(countries, text => Assert.Contains("Luxembourg", text, StringComparison.Ordinal));
        Assert.Equal("Diplomatic anniversaries — Luxembourg", await page.TitleAsync());
        Assert.Equal(["LU"], await page.Locator("#filter-country option[selected]").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
    }

    [Fact]
    public async Task TheSubscribeLinks_AreForTheCurrentFilter_AndTheFeedLinkServesIt()
    {
        var page = await host.OpenAsync("/?country=LU");
        var authority = host.App.BaseAddress.Authority;

        Assert.Equal($"webcal://{authority}/calendar.ics?country=LU", await page.Locator("#subscribe-webcal").GetAttributeAsync("href"));
        Assert.Equal(
            "https://calendar.google.com/calendar/r?cid=" + Uri.EscapeDataString($"webcal://{authority}/calendar.ics?country=LU"),
            await page.Locator("#subscribe-google").GetAttributeAsync("href"));
        var https = await page.Locator("#feed-url").InputValueAsync();
        Assert.Equal($"http://{authority}/calendar.ics?country=LU", https);
        Assert.Equal(https, await page.Locator("#feed-https").GetAttributeAsync("href"));

        // Follow the link as the calendar app would (a browser would download it).
        var response = await page.APIRequest.GetAsync(https);
        Assert.Equal(200, response.Status);
        Assert.Equal("text/calendar; charset=utf-8", response.Headers["content-type"]);
        var feed = await IcalJs.ReadAsync(await response.BodyAsync());
        Assert.Equal("Diplomatic anniversaries — Luxembourg", feed.Properties["x-wr-calname"]);
        Assert.Contains(feed.Events, e => e.Uid == "kz-lu-relations.2027@calendar.local");
        Assert.All(feed.Events, e => Assert.Contains("Luxembourg", e.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task JubileesOnly_ShowsJubileesOnly()
    {
        var page = await host.OpenAsync("/");

        await page.SelectOptionAsync("#filter-jubilee", "true");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(new Regex("jubilee=true"));

        Assert.True(await page.Locator("li.event").CountAsync() >= 3);
        Assert.Equal(await page.Locator("li.event").CountAsync(), await page.Locator("li.event.jubilee").CountAsync());
        Assert.Equal("true", await page.Locator("#filter-jubilee").InputValueAsync());
    }

    [Fact]
    public async Task WithoutJubilees_StaysWithoutJubilees_ThroughTheFiltersAndTheReminderForm()
    {
        var page = await host.OpenAsync("/?jubilee=false", javaScript: false);

        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(new Regex("jubilee=false"));

        Assert.True(await page.Locator("li.event").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("li.event.jubilee").CountAsync());
        Assert.Equal("false", await page.Locator("#filter-jubilee").InputValueAsync());
        Assert.Equal("false", await page.Locator("#reminders input[name=jubilee]").InputValueAsync());
    }

    [Fact]
    public async Task TheReminderForm_PostsTheFilterTimeZoneAndSendTime_WithSensibleDefaults()
    {
        var page = await host.OpenAsync("/?country=IT&kind=anniversary&jubilee=false");
        var posted = new List<Dictionary<string, string[]>>();
        // What the browser sends is the form's part of the contract; the answer is the reminders' (tested there).
        await page.RouteAsync("**/subscriptions", async route =>
        {
            posted.Add(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(route.Request.PostData)
                .ToDictionary(pair => pair.Key, pair => pair.Value.Select(v => v ?? "").ToArray()));
            await route.FulfillAsync(new() { Status = 202, ContentType = "text/html", Body = "<p>ok</p>" });
        });

        Assert.Equal(
            "Reminders of anniversaries involving Italy, except jubilees, 30, 7 and 1 days ahead (jubilees 90, 30, 7 and 1), one email a day at most.",
            await page.Locator("#reminders p").First.InnerTextAsync());
        await page.FillAsync("#reminder-email", "rome@embassy.example");
        await page.ClickAsync("#reminders button[type=submit]");
        // Back only once the answer has loaded: going back while the post navigates detached the page now and then.
        await page.WaitForURLAsync(new Regex("/subscriptions$"));
        await page.GetByText("ok").WaitForAsync();
        await page.GoBackAsync();
        await page.FillAsync("#reminder-email", "rome@embassy.example");
        await page.FillAsync("#reminder-name", "Embassy in Rome");
        await page.SelectOptionAsync("#reminder-time-zone", "Europe/Rome");
        await page.FillAsync("#reminder-send-at", "08:30");
        await page.ClickAsync("#reminders button[type=submit]");
        await Eventually.Get(() => Task.FromResult(posted.Count), count => count == 2, "two posts", TimeSpan.FromSeconds(20));

        Assert.Equal(["IT"], posted[0]["country"]);
        Assert.Equal(["anniversary"], posted[0]["kind"]);
        Assert.Equal(["false"], posted[0]["jubilee"]);
        Assert.Equal(["Asia/Almaty"], posted[0]["timeZone"]);
        Assert.Equal(["09:00"], posted[0]["sendAt"]);
        Assert.Equal(["en"], posted[0]["language"]);
        Assert.Equal(["rome@embassy.example"], posted[1]["email"]);
        Assert.Equal(["Embassy in Rome"], posted[1]["name"]);
        Assert.Equal(["Europe/Rome"], posted[1]["timeZone"]);
        Assert.Equal(["08:30"], posted[1]["sendAt"]);
    }

    [Fact]
    public async Task TheReminderForm_EndToEnd_TheEmailedLinkConfirmsExactlyWhatTheFormAskedFor()
    {
        var page = await host.OpenAsync("/?country=IT&kind=anniversary&jubilee=false", javaScript: false);
        await page.FillAsync("#reminder-email", "consul@rome.example");
        await page.FillAsync("#reminder-name", "Consulate in Rome");
        await page.SelectOptionAsync("#reminder-time-zone", "Europe/Rome");
        await page.FillAsync("#reminder-send-at", "08:30");
        await page.ClickAsync("#reminders button[type=submit]");
        Assert.Contains("Check your inbox", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        // No SMTP server is configured: the confirmation is in the outbox, as a user of the embedded defaults finds it.
        var outbox = Path.Combine(host.App.DataPath, "outbox");
        var email = await Eventually.Get<MimeKit.MimeMessage?>(
            () => Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml").Select(file => MimeKit.MimeMessage.Load(file)).FirstOrDefault(m => m.To.ToString().Contains("consul@rome.example", StringComparison.Ordinal)) : null,
            found => found is not null, "the confirmation email in the outbox", TimeSpan.FromSeconds(20));
        var link = Regex.Match(email!.TextBody ?? "", @"https?://\S+/subscriptions/confirm\?token=\S+").Value;
        await page.GotoAsync(link);
        await page.ClickAsync("button[type=submit]");

        Assert.Equal("Reminders confirmed", await page.Locator("h1").InnerTextAsync());
        var stored = host.App.Get<Calendar.Service.Subscriptions.SubscriptionStore>().FindByEmail("consul@rome.example")!;
        Assert.Equal(Calendar.Service.Subscriptions.SubscriptionState.Active, stored.State);
        Assert.Equal("Consulate in Rome", stored.Name);
        Assert.Equal(["IT"], stored.Filter.Countries.Select(code => code.Value));
        Assert.Equal(["anniversary"], stored.Filter.Kinds);
        Assert.False(stored.Filter.Jubilee);
        Assert.Equal("Europe/Rome", stored.TimeZone.Id);
        Assert.Equal(new LocalTime(8, 30), stored.SendAt);
    }

    [Theory]
    [InlineData(390, 844, "page-phone.png")]
    [InlineData(1100, 1400, "page.png")]
    public async Task ThePage_FitsTheScreen_AndIsScreenshotted(int width, int height, string file)
    {
        var page = await host.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, IsMobile = width < 600, DeviceScaleFactor = 1 });
        await page.GotoAsync(host.App.BaseAddress.ToString());

        // Scrolled to the first jubilee, so that the screenshot shows one.
        await page.Locator(".badge.jubilee").First.ScrollIntoViewIfNeededAsync();

        await Screenshots.AssertShowsThePageLookAsync(host.Browser, page, width, height, file);
    }

    /// <summary>The service on the seeds and one browser, shared by the class: the tests only read.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private IPlaywright? _playwright;
        private IBrowser? _browser;

        // Midday in Almaty on 1 May 2027: the 35th anniversaries with Luxembourg, Italy and Slovenia are ahead.
        internal CalendarApplication App { get; } = new(now: Instant.FromUtc(2027, 5, 1, 7, 0));

        public async ValueTask InitializeAsync()
        {
            App.Start();
            (_playwright, _browser) = await Chromium.LaunchAsync();
        }

        internal IBrowser Browser => _browser!;

        public async Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null) => await _browser!.NewPageAsync(options);

        public async Task<IPage> OpenAsync(string path, bool javaScript = true)
        {
            var page = await NewPageAsync(new() { JavaScriptEnabled = javaScript });
            var response = await page.GotoAsync(new Uri(App.BaseAddress, path).ToString());
            Assert.Equal(200, response!.Status);
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            if (_browser is not null)
            {
                await _browser.CloseAsync();
            }

            _playwright?.Dispose();
            App.Dispose();
        }
    }
}
