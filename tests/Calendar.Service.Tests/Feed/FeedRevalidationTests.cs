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
        Assert.Equal((first.ETag, first.LastModified), (polled.ETag, polled.LastModified));
        Assert.Equal(first.Headers.CacheControl, polled.Headers.CacheControl);
        Assert.Equal(first.Headers.Vary, polled.Headers.Vary);
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy"), polled.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(first.Body, full.Body);
        Assert.Equal(first.ETag, full.ETag);
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
