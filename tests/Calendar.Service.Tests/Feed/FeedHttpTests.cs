using System.IO.Compression;
using System.Net.Http.Headers;
using Calendar.Core;
using Calendar.Service.Feed;
using Calendar.Service.Timeline;
using NodaTime;

namespace Calendar.Service.Tests.Feed;

/// <summary>The feed over HTTP as calendar clients and proxies poll it: validators, 304, HEAD, gzip.</summary>
public class FeedHttpTests(FeedHttpTests.Host host) : IClassFixture<FeedHttpTests.Host>
{
    private static readonly Instant Now = Instant.FromUtc(2023, 6, 1, 6, 0);

    [Fact]
    public async Task Get_AnswersTheCalendarWithValidatorsAndCachingHeaders()
    {
        var response = await FeedClient.GetAsync(host.App);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/calendar; charset=utf-8", response.ContentHeaders.ContentType?.ToString());
        Assert.False(response.ETag.IsWeak);
        Assert.Matches("^\"[0-9a-f]{32}\"$", response.ETag.Tag);
        // When this generation of the feeds was first served, on the service's clock.
        Assert.Equal(Now.ToDateTimeOffset(), response.LastModified);
        Assert.Equal("public, must-revalidate, max-age=3600", response.Headers.CacheControl?.ToString());
        Assert.Equal(["Accept-Encoding"], response.Headers.Vary);
        Assert.Equal(response.Body.Length, response.ContentHeaders.ContentLength);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DateAndLastModified_ComeFromTheServicesClock_AndLastModifiedIsNeverLater()
    {
        // The facts files were written just now, years after the fake clock: a date taken from them would be
        // later than Date, which RFC 9110 §8.8.2.1 forbids.
        Assert.True(host.App.Get<CalendarState>().Current.Version.LastModified > Now);

        var response = await FeedClient.GetAsync(host.App, "?country=XB&jubilee=true");

        Assert.Equal(Now.ToDateTimeOffset(), response.Headers.Date);
        Assert.True(response.LastModified <= response.Headers.Date, $"Last-Modified {response.LastModified} is after Date {response.Headers.Date}");
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    [InlineData("\"0000\", {0}")]
    [InlineData("*")]
    public async Task IfNoneMatch_WithTheCurrentTag_Answers304WithTheValidatorsAndNoBody(string ifNoneMatch)
    {
        var current = await FeedClient.GetAsync(host.App);

        var response = await FeedClient.GetAsync(host.App, headers: h => h.TryAddWithoutValidation("If-None-Match", string.Format(null, ifNoneMatch, current.ETag.Tag)));

        Assert.Equal(HttpStatusCode.NotModified, response.Status);
        Assert.Empty(response.Body);
        Assert.Equal(current.ETag, response.ETag);
        Assert.Equal(current.Headers.CacheControl, response.Headers.CacheControl);
    }

    [Fact]
    public async Task IfNoneMatch_WithAStaleTag_AnswersTheFullFeed_EvenWhenIfModifiedSinceWouldMatch()
    {
        var current = await FeedClient.GetAsync(host.App);

        // RFC 9110 §13.2.2: If-None-Match decides; If-Modified-Since is not even looked at.
        var response = await FeedClient.GetAsync(host.App, headers: h =>
        {
            h.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-feed\""));
            h.IfModifiedSince = current.LastModified.AddDays(1);
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(current.Body, response.Body);
    }

    [Fact]
    public async Task IfModifiedSince_AnswersByLastModified()
    {
        var current = await FeedClient.GetAsync(host.App);

        var same = await FeedClient.GetAsync(host.App, headers: h => h.IfModifiedSince = current.LastModified);
        var later = await FeedClient.GetAsync(host.App, headers: h => h.IfModifiedSince = current.LastModified.AddHours(1));
        var earlier = await FeedClient.GetAsync(host.App, headers: h => h.IfModifiedSince = current.LastModified.AddSeconds(-1));

        Assert.Equal((HttpStatusCode.NotModified, HttpStatusCode.NotModified), (same.Status, later.Status));
        Assert.Equal(HttpStatusCode.OK, earlier.Status);
        Assert.Equal(current.Body, earlier.Body);
    }

    [Fact]
    public async Task Head_SendsTheHeadersOfGet_WithoutABody()
    {
        var get = await FeedClient.GetAsync(host.App, "?country=XA");

        var head = await FeedClient.GetAsync(host.App, "?country=XA", method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, head.Status);
        Assert.Empty(head.Body);
        Assert.Equal(get.ETag, head.ETag);
        Assert.Equal(get.LastModified, head.LastModified);
        Assert.Equal(get.Body.Length, head.ContentHeaders.ContentLength);
        Assert.Equal(get.ContentHeaders.ContentType, head.ContentHeaders.ContentType);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
    }

    [Fact]
    public async Task Head_WithTheCurrentTag_Answers304()
    {
        var get = await FeedClient.GetAsync(host.App);

        var head = await FeedClient.GetAsync(host.App, method: HttpMethod.Head, headers: h => h.IfNoneMatch.Add(get.ETag));

        Assert.Equal(HttpStatusCode.NotModified, head.Status);
    }

    [Fact]
    public async Task AskingForGzip_GetsTheSameFeedCompressed_WithAnETagOfItsOwn()
    {
        var plain = await FeedClient.GetAsync(host.App);

        var gzipped = await FeedClient.GetAsync(host.App, headers: h => h.AcceptEncoding.ParseAdd("gzip, deflate, br"));

        Assert.Equal(["gzip"], gzipped.ContentHeaders.ContentEncoding);
        Assert.Equal(["Accept-Encoding"], gzipped.Headers.Vary);
        Assert.NotEqual(plain.ETag, gzipped.ETag);
        Assert.True(gzipped.Body.Length < plain.Body.Length);
        using var gzip = new GZipStream(new MemoryStream(gzipped.Body), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        await gzip.CopyToAsync(decompressed, TestContext.Current.CancellationToken);
        Assert.Equal(plain.Body, decompressed.ToArray());
        // Each representation revalidates against its own tag.
        var revalidated = await FeedClient.GetAsync(host.App, headers: h =>
        {
            h.AcceptEncoding.ParseAdd("gzip");
            h.IfNoneMatch.Add(gzipped.ETag);
        });
        Assert.Equal(HttpStatusCode.NotModified, revalidated.Status);
    }

    [Fact]
    public async Task RefusingGzip_GetsThePlainFeed()
    {
        var plain = await FeedClient.GetAsync(host.App);

        var response = await FeedClient.GetAsync(host.App, headers: h => h.AcceptEncoding.ParseAdd("gzip;q=0, identity"));

        Assert.Empty(response.ContentHeaders.ContentEncoding);
        Assert.Equal(plain.ETag, response.ETag);
    }

    [Fact]
    public async Task TheSameFilterSpelledTwoWays_IsOneFeed_BuiltOnceAndServedFromMemory()
    {
        var a = await FeedClient.GetAsync(host.App, "?country=XB&country=XA&kind=anniversary");
        var b = await FeedClient.GetAsync(host.App, "?kind=ANNIVERSARY&country=xa,xb");

        Assert.Equal(a.ETag, b.ETag);
        var snapshot = host.App.Get<CalendarState>().Current;
        var filter = new OccurrenceFilter { Countries = new HashSet<CountryCode> { CountryCode.Parse("XA"), CountryCode.Parse("XB") }, Kinds = new HashSet<string> { "anniversary" } };
        var cache = host.App.Get<FeedCache>();
        Assert.Same(cache.Get(snapshot, filter), cache.Get(snapshot, filter));
    }

    /// <summary>One host for the class: these tests only read.</summary>
    public sealed class Host : IDisposable
    {
        private readonly TempFolder _facts = new();

        public Host()
        {
            _facts.Write("facts.yaml", FactsFiles.Relations());
            App = new CalendarApplication(_facts.Path, Now);
        }

        internal CalendarApplication App { get; }

        public void Dispose()
        {
            App.Dispose();
            _facts.Dispose();
        }
    }
}
