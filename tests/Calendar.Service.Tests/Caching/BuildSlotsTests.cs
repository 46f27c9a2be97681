using System.Text.Json;
using Calendar.Service.Caching;
using NodaTime;

namespace Calendar.Service.Tests.Caching;

/// <summary>Answers not built yet wait for a build slot, and are turned away when too many wait; answers already kept never wait.</summary>
public class BuildSlotsTests
{
    private static readonly Instant Midday20230601 = Instant.FromUtc(2023, 6, 1, 6, 0);

    [Fact]
    public async Task WithEverySlotTaken_AnAnswerNotBuiltYet_WaitsForOne_WhileAKeptAnswerIsHandedOut()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601).With("Calendar:Builds:AtOnce", "1").With("Calendar:Builds:Waiting", "4");
        using var client = app.CreateHttpClient();
        using (var kept = await GetAsync(client, "/api/events/upcoming?country=XB"))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }

        var slot = await app.Get<BuildSlots>().TakeAsync(TestContext.Current.CancellationToken);
        var waiting = GetAsync(client, "/api/events/upcoming?country=XC");
        var first = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken));
        using var keptMeanwhile = await GetAsync(client, "/api/events/upcoming?country=XB");
        var stillWaiting = !waiting.IsCompleted;
        slot.Dispose();
        using var built = await waiting;

        Assert.True(slot.IsAcquired);
        Assert.NotSame(waiting, first);
        Assert.Equal(HttpStatusCode.OK, keptMeanwhile.StatusCode);
        Assert.True(stillWaiting, "The answer not built yet was sent while the only slot was taken.");
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/events/upcoming?country=XC")]
    [InlineData("/calendar.ics?country=XC")]
    [InlineData("/api/facts?country=XC")]
    public async Task WithEverySlotTakenAndNoRoomToWait_AnAnswerNotBuiltYet_IsA503WithRetryAfter(string path)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601).With("Calendar:Builds:AtOnce", "1").With("Calendar:Builds:Waiting", "0");
        using var client = app.CreateHttpClient();

        HttpResponseMessage busy;
        using (await app.Get<BuildSlots>().TakeAsync(TestContext.Current.CancellationToken))
        {
            busy = await GetAsync(client, path);
        }

        using var afterwards = await GetAsync(client, path);
        using (busy)
        {
            using var problem = JsonDocument.Parse(await busy.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);
            Assert.Equal("Busy building other answers: try again in a moment.", problem.RootElement.GetProperty("title").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Theory]
    [InlineData("/api/events/upcoming")]
    [InlineData("/api/facts")]
    [InlineData("/calendar.ics")]
    public async Task TheApiDocument_Declares503_ForTheEndpointsThatBuild(string path)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601);

        using var json = await Upcoming.UpcomingApiTests.GetJson(app, "/openapi/v1.json");

        Assert.True(json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").TryGetProperty("503", out _));
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
