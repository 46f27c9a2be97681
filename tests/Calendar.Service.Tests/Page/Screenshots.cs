using Microsoft.Playwright;

namespace Calendar.Service.Tests.Page;

/// <summary>Reads back what a screenshot shows, and keeps it: in artifacts/, or in docs/ when asked to refresh the README's.</summary>
internal static class Screenshots
{
    /// <summary>
    /// Asserts that <paramref name="page"/> does not scroll sideways, and that its screenshot has the viewport's size and
    /// shows the stylesheet at work: the first visible jubilee badge gold, the background not white. Then keeps it.
    /// </summary>
    public static async Task AssertShowsThePageLookAsync(IBrowser browser, IPage page, int width, int height, string file)
    {
        Assert.InRange(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), 1, width);
        var box = (await page.Locator(".badge.jubilee").First.BoundingBoxAsync())!;
        var png = await page.ScreenshotAsync();

        var (shotWidth, shotHeight, colours) = await ReadAsync(browser, png, ((int)box.X + 3, (int)(box.Y + box.Height / 2)), (1, 1));
        Assert.Equal((width, height), (shotWidth, shotHeight));
        Assert.Equal(Rgb("#9a6b00"), colours[0]);
        Assert.Equal(Rgb("#f6f7f9"), colours[1]);
        await KeepAsync(png, file);
    }

    /// <summary>The PNG's size and the colours at <paramref name="points"/>, decoded by the browser itself (a canvas), not by hand.</summary>
    public static async Task<(int Width, int Height, IReadOnlyList<int[]> Colours)> ReadAsync(IBrowser browser, byte[] png, params (int X, int Y)[] points)
    {
        var page = await browser.NewPageAsync();
        try
        {
            var read = await page.EvaluateAsync<PixelsJson>(
                """
                async ([src, points]) => {
                  const image = new Image();
                  image.src = src;
                  await image.decode();
                  const canvas = document.createElement('canvas');
                  canvas.width = image.width;
                  canvas.height = image.height;
                  const context = canvas.getContext('2d');
                  context.drawImage(image, 0, 0);
                  return { width: image.width, height: image.height, colours: points.map(([x, y]) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3))) };
                }
                """,
                new object[] { "data:image/png;base64," + Convert.ToBase64String(png), points.Select(p => new[] { p.X, p.Y }).ToArray() });
            return (read.Width, read.Height, read.Colours);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>The colour of a CSS hex code, for comparing with <see cref="ReadAsync"/>.</summary>
    public static int[] Rgb(string hex) => [Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16)];

    /// <summary>Writes the screenshot to artifacts/screenshots, or to docs/ with CALENDAR_UPDATE_SCREENSHOTS=1 (the README's are refreshed on request).</summary>
    public static async Task KeepAsync(byte[] png, string file)
    {
        var folder = Environment.GetEnvironmentVariable("CALENDAR_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(Repository.Root, "docs")
            : Path.Combine(Repository.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, file), png, TestContext.Current.CancellationToken);
    }

    /// <summary>Content-Security-Policy violations the page reports on the console, collected while it loads.</summary>
    public static List<string> CollectCspViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        return violations;
    }

    private sealed class PixelsJson
    {
        public int Width { get; set; }

        public int Height { get; set; }

        public int[][] Colours { get; set; } = [];
    }
}
