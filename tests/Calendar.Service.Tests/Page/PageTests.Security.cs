using Microsoft.Playwright;

namespace Calendar.Service.Tests.Page;

/// <summary>The Content-Security-Policy as Chromium applies it: the pages break none of it, nothing frames them, Swagger UI still runs.</summary>
public partial class PageTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/?country=ES")]
    [InlineData("/?country=QQ")]
    [InlineData("/subscriptions/confirm?token=1.forged")]
    [InlineData("/subscriptions/unsubscribe?token=1.forged")]
    public async Task ThePages_LoadTheirStylesheet_WithoutAnyContentSecurityPolicyViolation(string path)
    {
        var page = await host.NewPageAsync();
        var violations = Screenshots.CollectCspViolations(page);

        await page.GotoAsync(new Uri(host.App.BaseAddress, path).ToString());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(violations);
        // The stylesheet applied: the page's background, not the browser's white.
        Assert.Equal("rgb(246, 247, 249)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
    }

    [Fact]
    public async Task TheConfirmButton_CannotBeFramedByAnotherSite()
    {
        var page = await host.NewPageAsync();
        var violations = Screenshots.CollectCspViolations(page);
        var framed = new Uri(host.App.BaseAddress, "/subscriptions/confirm?token=1.forged").ToString();

        // Another origin (the same server under another name) frames the page that holds the button.
        await page.GotoAsync(framed.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        await page.SetContentAsync($"<iframe src=\"{framed}\"></iframe>");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var frame = page.Frames.Single(f => f != page.MainFrame);
        Assert.Equal(0, await frame.Locator("button").CountAsync());
        Assert.Contains(violations, v => v.StartsWith("Framing ", StringComparison.Ordinal) && v.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheApiDocumentation_StillWorks_UnderItsOwnPolicy()
    {
        var page = await host.NewPageAsync();
        var violations = Screenshots.CollectCspViolations(page);

        await page.GotoAsync(new Uri(host.App.BaseAddress, "/docs").ToString());
        await page.Locator(".opblock-summary-path", new() { HasText = "/api/events/upcoming" }).WaitForAsync(new() { Timeout = 30_000 });

        Assert.Empty(violations);
    }

    [Fact]
    public async Task ABadFilter_Answers400WithAnErrorNamingTheParameter()
    {
        var page = await host.NewPageAsync();

        var response = await page.GotoAsync(new Uri(host.App.BaseAddress, "/?country=QQ&colour=red").ToString());

        Assert.Equal(400, response!.Status);
        var alert = await page.Locator("[role=alert]").InnerTextAsync();
        Assert.Contains("Country: 'QQ' is not one of this calendar's choices", alert, StringComparison.Ordinal);
        Assert.Contains("colour: this calendar has no such parameter", alert, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("li.event").CountAsync());
    }
}
