using System.Globalization;
using Calendar.Service.Feed;
using Calendar.Service.Timeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Calendar.Service.Tests.Feed;

/// <summary>Polls of a feed already built, answered at the front of the pipeline from the cached feed.</summary>
public class FeedRevalidationTests
{
    [Fact]
    public async Task APollOfABuiltFeed_IsAnsweredFromTheCache_WithTheEndpointsValidatorsAndHeaders()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2023, 6, 1, 6, 0));
        var revalidation = app.Get<FeedRevalidation>();
        Assert.False(revalidation.TryAnswer(Poll("?country=XA"), out _));

        var first = await FeedClient.GetAsync(app, "?country=XA");
        var answeredHere = revalidation.TryAnswer(Poll("?country=XA"), out _);
        var polled = await FeedClient.GetAsync(app, "?country=XA", headers => headers.IfNoneMatch.Add(first.ETag));
        var full = await FeedClient.GetAsync(app, "?country=XA");

        Assert.True(answeredHere);
        // Another spelling of the same filter is not remembered until the endpoint has parsed it.
        Assert.False(revalidation.TryAnswer(Poll("?country=xa"), out _));
        Assert.Equal(HttpStatusCode.NotModified, polled.Status);
        Assert.Empty(polled.Body);
        Assert.Equal(first.ETag, polled.ETag);
        Assert.Equal(first.Headers.CacheControl, polled.Headers.CacheControl);
        Assert.Equal(first.Headers.Vary, polled.Headers.Vary);
        Assert.Equal(first.Body, full.Body);
        Assert.Equal(first.ETag, full.ETag);
    }

    [Fact]
    public async Task A304_CarriesOnlyWhatRfc9110AsksOfIt_AnsweredAtTheFrontOrByTheEndpoint()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2023, 6, 1, 6, 0));
        var first = await FeedClient.GetAsync(app, "?country=XA");

        var atTheFront = await FeedClient.GetAsync(app, "?country=XA", headers => headers.IfNoneMatch.Add(first.ETag));
        // Another spelling of the same filter: the endpoint answers it (and remembers it from then on).
        var byTheEndpoint = await FeedClient.GetAsync(app, "?country=xa", headers => headers.IfNoneMatch.Add(first.ETag));

        // RFC 9110 §15.4.5: Date, ETag, Cache-Control and Vary as a 200 would send them; no Server (Program.cs).
        string[] expected = ["Cache-Control", "Date", "ETag", "Vary"];
        foreach (var polled in new[] { atTheFront, byTheEndpoint })
        {
            Assert.Equal(HttpStatusCode.NotModified, polled.Status);
            Assert.Equal(expected, polled.Headers.Concat(polled.ContentHeaders).Select(header => header.Key).Order(StringComparer.Ordinal));
            Assert.Equal(first.ETag, polled.ETag);
            Assert.Equal("public, must-revalidate, max-age=3600", polled.Headers.CacheControl?.ToString());
            Assert.Equal(["Accept-Encoding"], polled.Headers.Vary);
        }

        // The 200 keeps its Last-Modified and security headers.
        Assert.Equal("nosniff", Assert.Single(first.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Instant.FromUtc(2023, 6, 1, 6, 0).ToDateTimeOffset(), first.LastModified);
    }

    [Fact]
    public async Task ANewSnapshot_ForgetsWhatWasRemembered()
    {
        using var facts = new TempFolder();
        var file = facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2023, 6, 1, 6, 0));
        var revalidation = app.Get<FeedRevalidation>();
        await FeedClient.GetAsync(app, "?country=XA");

        File.AppendAllText(file, "\n# an edit\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        app.Get<CalendarRefresher>().Refresh();

        Assert.False(revalidation.TryAnswer(Poll("?country=XA"), out _));
    }

    [Fact]
    public async Task AFeedThatLeavesTheCache_IsLetGoOf_AndItsPollsGoToTheEndpoint()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2023, 6, 1, 6, 0));
        var revalidation = app.Get<FeedRevalidation>();
        var first = await FeedClient.GetAsync(app, "?country=XA");
        Assert.True(revalidation.TryAnswer(Poll("?country=XA"), out _));

        // Drops the feeds of the snapshot in service from the cache, while that snapshot stays in service.
        var current = app.Get<CalendarState>().Current;
        await app.Get<FeedCache>().Refresh(new CalendarSnapshot(current.Facts, current.Version with { Hash = "another" }, current.Today, Calendar.Core.JubileeRule.Default, horizonYears: 5));
        // The cache tells of an eviction on the thread pool, a moment later; the limit only guards against a hang.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (revalidation.Count > 0)
        {
            await Task.Delay(10, limit.Token);
        }

        var answeredHere = revalidation.TryAnswer(Poll("?country=XA"), out _);
        var polled = await FeedClient.GetAsync(app, "?country=XA", headers => headers.IfNoneMatch.Add(first.ETag));

        Assert.False(answeredHere);
        Assert.Equal((HttpStatusCode.NotModified, first.ETag), (polled.Status, polled.ETag));
        // The endpoint built the feed again and remembered it.
        Assert.True(revalidation.TryAnswer(Poll("?country=XA"), out _));
    }

    [Fact]
    public async Task AFeedThatLeavesAFullCache_TakesOnlyItsOwnPollsBackToTheEndpoint()
    {
        // 70 countries with relations to 100 others each, every title its own: a cache of 1 MB holds some of their feeds (it counts their gzip; the events' texts are shared).
        var codes = ("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
            + "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY DJ DK DM DO DZ "
            + "EC EE EG ER ET FI FJ FK FM FO GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK "
            + "HM HN HR HT HU ID IE IL IM IN IO IQ IR IS JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA "
            + "LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW "
            + "MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (homes, others) = (codes[..70], codes[70..]);
        var facts = new System.Text.StringBuilder("facts:\n");
        foreach (var home in homes)
        {
            foreach (var other in others)
            {
                facts.Append(CultureInfo.InvariantCulture, $"""
                      - id: {home.ToLowerInvariant()}-{other.ToLowerInvariant()}-relations
                        kind: relations
                        countries: [{home}, {other}]
                        date: 1993-06-23
                        title: Relations established, register entry {home}-{other}-{(home + other).GetHashCode(StringComparison.Ordinal):x8}
                        recurs: true
                        sources:
                          - title: "[Invented for tests]"
                            outlet: Test Gazette
                            published: 2023-06-24

                    """);
            }
        }

        using var folder = new TempFolder();
        folder.Write("facts.yaml", facts.ToString());
        using var app = new CalendarApplication(folder.Path, Instant.FromUtc(2023, 6, 1, 6, 0)).With("Calendar:Feed:CacheMegabytes", "1");
        var revalidation = app.Get<FeedRevalidation>();

        // Feeds until the cache lets go of one (a poll would count as a use: only the count is watched).
        var requested = 0;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        do
        {
            await FeedClient.GetAsync(app, $"?country={homes[requested++]}");
            await Task.Delay(50, limit.Token);
        }
        while (revalidation.Count == requested && requested < homes.Length);

        Assert.True(requested < homes.Length, $"No feed left the cache: {app.Get<FeedCache>().Size} bytes kept after {requested} feeds.");
        Assert.InRange(revalidation.Count, requested / 2, requested - 1);
        Assert.False(revalidation.TryAnswer(Poll($"?country={homes[0]}"), out _));
        // The feeds requested just before and at the eviction stay answered at the front.
        Assert.True(revalidation.TryAnswer(Poll($"?country={homes[requested - 2]}"), out _));
        Assert.True(revalidation.TryAnswer(Poll($"?country={homes[requested - 1]}"), out _));
    }

    [Fact]
    public async Task APollOfABuiltFeed_IsNotRouted()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        var routed = new RoutedRequests();
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2023, 6, 1, 6, 0))
            .WithServices(services => services.AddSingleton<MatcherPolicy>(routed));

        var first = await FeedClient.GetAsync(app, "?country=XA");
        var routedBefore = routed.Count;
        var polled = await FeedClient.GetAsync(app, "?country=XA", headers => headers.IfNoneMatch.Add(first.ETag));
        var again = await FeedClient.GetAsync(app, "?country=XA");

        Assert.Equal(HttpStatusCode.NotModified, polled.Status);
        Assert.Equal(first.Body, again.Body);
        Assert.Equal(1, routedBefore);
        Assert.Equal(routedBefore, routed.Count);
    }

    [Fact]
    public async Task AnEditOfTheFacts_ChangesTheETagAPollIsAnsweredWith()
    {
        using var facts = new TempFolder();
        var file = facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2023, 6, 1, 6, 0));
        var first = await FeedClient.GetAsync(app, "?country=XA");
        Assert.Equal(HttpStatusCode.NotModified, (await FeedClient.GetAsync(app, "?country=XA", headers => headers.IfNoneMatch.Add(first.ETag))).Status);

        File.WriteAllText(file, File.ReadAllText(file).Replace("1993-06-23", "1993-07-23", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        app.Get<CalendarRefresher>().Refresh();
        var polled = await FeedClient.GetAsync(app, "?country=XA", headers => headers.IfNoneMatch.Add(first.ETag));
        var revalidated = await FeedClient.GetAsync(app, "?country=XA", headers => headers.IfNoneMatch.Add(polled.ETag));

        Assert.Equal(HttpStatusCode.OK, polled.Status);
        Assert.NotEqual(first.ETag, polled.ETag);
        Assert.Contains("DTSTART;VALUE=DATE:20230723", polled.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotModified, polled.ETag), (revalidated.Status, revalidated.ETag));
    }

    [Fact]
    public async Task StrangeQueryStrings_AreRememberedUpToTheBound()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2023, 6, 1, 6, 0));
        var revalidation = app.Get<FeedRevalidation>();
        var snapshot = app.Get<CalendarState>().Current;
        var key = FeedBuilder.KeyFor(snapshot, Calendar.Core.OccurrenceFilter.All);
        var document = app.Get<FeedCache>().Get(snapshot, Calendar.Core.OccurrenceFilter.All);

        for (var i = 0; i < FeedRevalidation.MaxRemembered + 100; i++)
        {
            revalidation.Remember(snapshot, $"?junk={i}", key, document);
        }

        revalidation.Remember(snapshot, "?" + new string('x', FeedRevalidation.MaxQueryLength), key, document);

        Assert.Equal(FeedRevalidation.MaxRemembered, revalidation.Count);
    }

    /// <summary>Counts the requests that routing matched to an endpoint.</summary>
    private sealed class RoutedRequests : MatcherPolicy, IEndpointSelectorPolicy
    {
        private int _count;

        public int Count => _count;

        public override int Order => 0;

        public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => true;

        public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
        {
            if (httpContext.Request.Path == FeedApi.Path)
            {
                Interlocked.Increment(ref _count);
            }

            return Task.CompletedTask;
        }
    }

    private static DefaultHttpContext Poll(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = FeedApi.Path;
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = Stream.Null;
        return context;
    }
}
