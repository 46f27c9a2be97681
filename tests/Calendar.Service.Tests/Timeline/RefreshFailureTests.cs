using Calendar.Service.Facts;
using Calendar.Service.Timeline;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Calendar.Service.Tests.Timeline;

/// <summary>A load that throws or never ends: the last good facts keep serving, <c>/health</c> says why, the next edit is loaded.</summary>
/// <remarks>
/// No facts file makes the real loader throw or hang any more, so these tests stand in a loader that does, for
/// the folder versions that hold a file named <c>trouble.yaml</c>, and the real one otherwise.
/// </remarks>
public class RefreshFailureTests
{
    private static readonly Instant Now = Instant.FromUtc(2023, 6, 1, 6, 0);

    [Fact]
    public async Task ALoaderThatThrows_IsReportedOnceAndTheNextEditIsLoaded()
    {
        using var facts = new TempFolder();
        using var app = Start(facts, (_, _) => throw new InvalidOperationException("the loader broke"));

        facts.Write("trouble.yaml", "");

        var error = Assert.Single(await HostileEditTests.RejectedEdit(app));
        Assert.Equal($"{facts.Path}: load: the facts could not be loaded: InvalidOperationException: the loader broke", error);
        Assert.Equal("2023-06-23", await HotReloadTests.FirstDate(app));
        Assert.All(Enumerable.Range(0, 3), _ => Assert.False(app.Get<CalendarRefresher>().Refresh()));
        var logged = Assert.Single(app.Services.GetFakeLogCollector().GetSnapshot(), log => log.Exception is not null);
        Assert.Equal("the loader broke", logged.Exception!.Message);

        await FixAndExpectTheNextEditLoaded(app, facts);
    }

    [Fact]
    public async Task ALoadThatTakesTooLong_IsAbandonedAndReported_AndTheNextEditIsLoaded()
    {
        using var facts = new TempFolder();
        using var app = Start(facts, (_, token) =>
        {
            token.WaitHandle.WaitOne();
            token.ThrowIfCancellationRequested();
            return null!;
        });

        facts.Write("trouble.yaml", "");

        var error = Assert.Single(await HostileEditTests.RejectedEdit(app, TimeSpan.FromSeconds(60)));
        Assert.Equal($"{facts.Path}: load: loading the facts took longer than 00:00:03 (Calendar:FactsLoadTimeout) and was abandoned: look for a very large or unusual file", error);
        Assert.Equal("2023-06-23", await HotReloadTests.FirstDate(app));

        await FixAndExpectTheNextEditLoaded(app, facts);
    }

    [Fact]
    public async Task ALoadThatIgnoresItsCancellation_IsLeftBehind_AndNoOtherStartsUntilItStops()
    {
        using var facts = new TempFolder();
        using var stuck = new ManualResetEventSlim();
        using var app = Start(facts, (_, _) =>
        {
            // A read stuck in the kernel: it notices nothing until it returns.
            stuck.Wait(TimeSpan.FromMinutes(2), CancellationToken.None);
            throw new IOException("the read came back at last");
        });

        facts.Write("trouble.yaml", "");

        var error = Assert.Single(await HostileEditTests.RejectedEdit(app, TimeSpan.FromSeconds(60)));
        Assert.EndsWith("and was abandoned: look for a very large or unusual file; it has not stopped yet, and no other load starts until it does", error, StringComparison.Ordinal);
        // The refresh job itself is free: a day's roll-over still goes through, on the last good facts.
        app.Clock.Advance(Duration.FromDays(1));
        Assert.True(await app.Get<CalendarRefresher>().RefreshAsync(TestContext.Current.CancellationToken));
        Assert.Equal(new LocalDate(2023, 6, 2), app.Get<CalendarState>().Current.Today);

        stuck.Set();
        await FixAndExpectTheNextEditLoaded(app, facts);
    }

    /// <summary>The service on good facts, with <paramref name="trouble"/> standing in for the loader while <c>trouble.yaml</c> is there.</summary>
    private static CalendarApplication Start(TempFolder facts, LoadFacts trouble)
    {
        facts.Write("facts.yaml", FactsFiles.Relations(date: "1993-06-23"));
        var app = new CalendarApplication(facts.Path, Now)
            // Short enough to wait for in a test, long enough for a real load of one small file on a busy machine.
            .With("Calendar:FactsLoadTimeout", "00:00:03")
            .WithServices(services =>
            {
                services.AddFakeLogging();
                services.AddSingleton<LoadFacts>((folder, token) =>
                    File.Exists(Path.Combine(folder.FullPath, "trouble.yaml")) ? trouble(folder, token) : FactsLoader.Load(folder, token));
            });
        return app.Start();
    }

    private static async Task FixAndExpectTheNextEditLoaded(CalendarApplication app, TempFolder facts)
    {
        File.Delete(Path.Combine(facts.Path, "trouble.yaml"));
        facts.Write("facts.yaml", FactsFiles.Relations(date: "1993-06-24"));

        await Eventually.Get(() => HotReloadTests.FirstDate(app), date => date == "2023-06-24", "the next edit to be served", TimeSpan.FromSeconds(60));
        using var healed = await HotReloadTests.Health(app);
        Assert.Equal("Healthy", healed.RootElement.GetProperty("status").GetString());
    }
}
