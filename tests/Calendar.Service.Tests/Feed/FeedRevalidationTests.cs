using Calendar.Service.Feed;
using Calendar.Service.Timeline;
using Microsoft.AspNetCore.Http;
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
