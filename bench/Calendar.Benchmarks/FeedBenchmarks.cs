using BenchmarkDotNet.Attributes;
using Calendar.Core;
using Calendar.Service.Facts;
using Calendar.Service.Feed;
using Calendar.Service.Storage;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Calendar.Benchmarks;

/// <summary>
/// What a calendar client's poll of /calendar.ics costs: served from the feed cache, against building (serializing)
/// the feed for each poll (the baseline). Target: a ratio of at most 0.05 in time and allocations.
/// </summary>
[MemoryDiagnoser]
public class FeedBenchmarks : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "calendar-bench-" + Guid.NewGuid().ToString("N")[..8]);
    private ServiceProvider _services = null!;
    private CalendarSnapshot _snapshot = null!;
    private FeedBuilder _builder = null!;
    private FeedCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:DataPath"] = _data, ["Calendar:FactsPath"] = _data })
            .Build();
        _services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddStorage(configuration)
            .AddTimeline(configuration)
            .AddFeed(configuration)
            .BuildServiceProvider();
        _services.GetRequiredService<CalendarDatabase>().Migrate();
        _snapshot = new CalendarSnapshot(ManyFacts.Build(eventsPerCountry: 4), new FactsVersion("bench", Instant.FromUtc(2026, 11, 1, 0, 0)), new LocalDate(2026, 11, 24), JubileeRule.Default, horizonYears: 10);
        _builder = _services.GetRequiredService<FeedBuilder>();
        _cache = _services.GetRequiredService<FeedCache>();
        _cache.Get(_snapshot, OccurrenceFilter.All);
    }

    [Benchmark(Baseline = true)]
    public int BuiltForEachPoll() => _builder.Build(_snapshot, OccurrenceFilter.All).Identity.Bytes.Length;

    [Benchmark]
    public int ServedFromTheCache() => _cache.Get(_snapshot, OccurrenceFilter.All).Identity.Bytes.Length;

    [GlobalCleanup]
    public void Dispose()
    {
        _services?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
