using BenchmarkDotNet.Attributes;
using Calendar.Core;
using Calendar.Service.Facts;
using Calendar.Service.Feed;
using Calendar.Service.Timeline;
using Microsoft.AspNetCore.Http;

namespace Calendar.Benchmarks;

/// <summary>
/// A calendar client's conditional poll (If-None-Match, 304) of a built feed, answered at the front of the pipeline,
/// against what the end-to-end benchmark's minimal server does for it (the baseline: a dictionary look-up, an ETag
/// compared as sent). Kestrel's own work, the same for both, is left out. Target: at most 3 times the baseline's time,
/// and no allocation beyond the baseline's.
/// </summary>
[MemoryDiagnoser]
public class PollBenchmarks : IDisposable
{
    private const string Query = "?country=KZ";

    private readonly Dictionary<string, string> _minimal = new(StringComparer.Ordinal);
    private BenchServices _services = null!;
    private FeedRevalidation _revalidation = null!;
    private DefaultHttpContext _poll = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new BenchServices();
        var snapshot = new CalendarSnapshot(ManyFacts.Build(eventsPerCountry: 0), new FactsVersion("bench", NodaTime.Instant.FromUtc(2026, 11, 1, 0, 0)), SyntheticWorld.Today, JubileeRule.Default, horizonYears: 5);
        _services.Get<CalendarState>().Publish(snapshot);
        var filter = new OccurrenceFilter { Countries = new HashSet<CountryCode> { CountryCode.Parse("KZ") } };
        var feed = _services.Get<FeedCache>().Get(snapshot, filter);
        _revalidation = _services.Get<FeedRevalidation>();
        _revalidation.Remember(snapshot, Query, FeedBuilder.KeyFor(snapshot, filter), feed);
        _minimal[FeedApi.Path + Query] = feed.Identity.ETagText;
        _poll = new DefaultHttpContext();
        _poll.Request.Method = HttpMethods.Get;
        _poll.Request.Path = FeedApi.Path;
        _poll.Request.QueryString = new QueryString(Query);
        _poll.Request.Headers.IfNoneMatch = feed.Identity.ETagText;
        _poll.Response.Body = Stream.Null;
    }

    [Benchmark(Baseline = true)]
    public int MinimalServer()
    {
        var response = Reset();
        var request = _poll.Request;
        if (_minimal.TryGetValue(request.Path + request.QueryString, out var etag))
        {
            response.Headers.ETag = etag;
            response.StatusCode = request.Headers.IfNoneMatch == etag ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;
        }

        return response.StatusCode;
    }

    [Benchmark]
    public int AnsweredAtTheFront()
    {
        var response = Reset();
        _revalidation.TryAnswer(_poll, out var answered);
        answered.GetAwaiter().GetResult();
        return response.StatusCode;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }

    private HttpResponse Reset()
    {
        _poll.Response.Headers.Clear();
        _poll.Response.StatusCode = StatusCodes.Status200OK;
        return _poll.Response;
    }
}
