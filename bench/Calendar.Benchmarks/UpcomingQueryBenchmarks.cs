using BenchmarkDotNet.Attributes;
using Calendar.Core;
using Calendar.Service.Facts;
using Calendar.Service.Timeline;
using NodaTime;

namespace Calendar.Benchmarks;

/// <summary>
/// What a request for the next 90 days costs from the snapshot the job keeps computed, against computing the
/// occurrences from the facts on every request (the baseline). Target: a ratio of at most 0.5.
/// </summary>
[MemoryDiagnoser]
public class UpcomingQueryBenchmarks
{
    private static readonly LocalDate Today = new(2026, 11, 24);
    private static readonly DateInterval NextQuarter = new(Today, Today.PlusDays(89));
    private static readonly OccurrenceFilter Italy = new() { Countries = new HashSet<CountryCode> { CountryCode.Parse("IT") } };

    private CalendarSnapshot _snapshot = null!;
    private OccurrenceTimeline _timeline = null!;

    [Params(0, 4)]
    public int EventsPerCountry { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var facts = ManyFacts.Build(EventsPerCountry);
        _snapshot = new CalendarSnapshot(facts, new FactsVersion("bench", Instant.FromUnixTimeSeconds(0)), Today, JubileeRule.Default, horizonYears: 5);
        _timeline = new OccurrenceTimeline(facts, JubileeRule.Default);
    }

    [Benchmark(Baseline = true)]
    public int ComputedOnRequest() => _timeline.Between(NextQuarter, OccurrenceFilter.All).Count;

    [Benchmark]
    public int FromTheSnapshot() => _snapshot.Between(NextQuarter, OccurrenceFilter.All).Count;

    [Benchmark]
    public int FromTheSnapshotOneCountry() => _snapshot.Between(NextQuarter, Italy).Count;
}
