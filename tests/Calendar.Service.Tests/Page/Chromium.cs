using Microsoft.Playwright;

namespace Calendar.Service.Tests.Page;

/// <summary>Debian's Chromium, headless, driven by Playwright: the browser a press officer would use, not a mock of one.</summary>
/// <remarks>
/// <c>playwright install</c> cannot download its own browser here, so Playwright drives the system's
/// <c>/usr/bin/chromium</c>. Without the background-networking flag Chromium keeps calling Google's servers,
/// which a closed network refuses.
/// </remarks>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"{ExecutablePath} is missing. Install Debian's Chromium: `sudo apt-get install -y chromium` (tests/run.sh does it).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        return (playwright, browser);
    }
}
