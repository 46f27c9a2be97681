using Calendar.Service.Tests.Facts;
using Calendar.Service.Timeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Calendar.Service.Tests.Timeline;

/// <summary>A running service given a facts edit written to take it down: it keeps serving, says why, and takes the next edit.</summary>
public class HostileEditTests
{
    private static readonly Instant Now = Instant.FromUtc(2023, 6, 1, 6, 0);

    [Theory]
    [InlineData("nested", "facts.yaml:1: yaml: lists and mappings are nested more than 64 deep")]
    [InlineData("alias-bomb", "facts.yaml:1: yaml: an anchor (&a0) is not allowed in a facts file")]
    [InlineData("fifo", "x.yaml: file: is not a regular file but a named pipe (FIFO): skipped")]
    [InlineData("year-zero", "facts.yaml:8: facts[0].date: '0000-06' is not a date: years start at 0001")]
    [InlineData("latin-1", "facts.yaml:9: encoding: not valid UTF-8: byte 0xE9 at offset 152; save the file as UTF-8")]
    [InlineData("dangling-link", "x.yaml: file: cannot be opened: No such file or directory")]
    public async Task AHostileEdit_KeepsTheLastGoodFactsServing_HealthNamesIt_AndTheNextEditIsLoaded(string hostile, string expected)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations(date: "1993-06-23"));
        using var app = new CalendarApplication(facts.Path, Now).WithServices(services => services.AddFakeLogging());
        Assert.Equal("2023-06-23", await HotReloadTests.FirstDate(app));

        HostileFacts.Write(facts, hostile, "facts.yaml");

        var error = (await RejectedEdit(app))[0];
        Assert.StartsWith(expected, Path.GetRelativePath(facts.Path, error), StringComparison.Ordinal);
        Assert.Equal("2023-06-23", await HotReloadTests.FirstDate(app));

        // However often the folder is looked at, the same rejected edit is logged once.
        var refresher = app.Get<CalendarRefresher>();
        Assert.All(Enumerable.Range(0, 3), _ => Assert.False(refresher.Refresh()));
        var logged = app.Services.GetFakeLogCollector().GetSnapshot().Where(log => log.Level >= LogLevel.Warning).ToList();
        Assert.Single(logged, log => log.Message.Contains(expected.Split(": ", 2)[1], StringComparison.Ordinal));
        Assert.All(logged, log => Assert.Null(log.Exception));

        File.Delete(Path.Combine(facts.Path, "x.yaml"));
        File.Delete(Path.Combine(facts.Path, "r.csv"));
        facts.Write("facts.yaml", FactsFiles.Relations(date: "1993-06-24"));

        await Eventually.Get(() => HotReloadTests.FirstDate(app), date => date == "2023-06-24", "the next edit to be served");
        using var healed = await HotReloadTests.Health(app);
        Assert.Equal("Healthy", healed.RootElement.GetProperty("status").GetString());
    }

    /// <summary>The errors <c>/health</c> reports once it says Degraded.</summary>
    internal static async Task<IReadOnlyList<string>> RejectedEdit(CalendarApplication app, TimeSpan? timeout = null)
    {
        using var health = await Eventually.Get(
            () => HotReloadTests.Health(app), h => h.RootElement.GetProperty("status").GetString() == "Degraded", "health to report the rejected edit", timeout);
        var check = health.RootElement.GetProperty("checks").GetProperty("facts");
        return [.. check.GetProperty("data").GetProperty("errors").EnumerateArray().Select(error => error.GetString()!)];
    }
}
