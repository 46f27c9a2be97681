using BenchmarkDotNet.Attributes;
using Calendar.Core;
using Calendar.Service.Facts;
using Calendar.Service.Feed;
using Calendar.Service.Timeline;
using NodaTime;

namespace Calendar.Benchmarks;

/// <summary>
/// What a calendar client's poll of /calendar.ics costs: served from the feed cache, against building (serializing)
/// the feed for each poll (the baseline). Target: a ratio of at most 0.05 in time and allocations.
/// </summary>
[MemoryDiagnoser]
public class FeedBenchmarks : IDisposable
{
    private BenchServices _services = null!;
    private CalendarSnapshot _snapshot = null!;
    private FeedCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new BenchServices();
        _snapshot = new CalendarSnapshot(ManyFacts.Build(eventsPerCountry: 4), new FactsVersion("bench", Instant.FromUtc(2026, 11, 1, 0, 0)), new LocalDate(2026, 11, 24), JubileeRule.Default, horizonYears: 5);
        _cache = _services.Get<FeedCache>();
        _cache.Get(_snapshot, OccurrenceFilter.All);
    }

    /// <summary>A builder of its own each time: nothing serialized before, as the cache's first build.</summary>
    [Benchmark(Baseline = true)]
    public long BuiltForEachPoll() => _services.NewBuilder().Build(_snapshot, OccurrenceFilter.All).Identity.Length;

    [Benchmark]
    public long ServedFromTheCache() => _cache.Get(_snapshot, OccurrenceFilter.All).Identity.Length;

    [GlobalCleanup]
    public void Dispose()
    {
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }
}
