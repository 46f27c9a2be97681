using BenchmarkDotNet.Attributes;
using Calendar.Core;
using NodaTime;

namespace Calendar.Benchmarks;

/// <summary>
/// One country's occurrences of a year at world scale, from the snapshot's index by country, against scanning every
/// occurrence of the window with the filter (the baseline, as before the index). Target: a ratio of at most 0.1
/// (a country holds about 1% of the world's occurrences).
/// </summary>
[MemoryDiagnoser]
public class SliceBenchmarks : IDisposable
{
    private static readonly DateInterval NextYear = new(SyntheticWorld.Today, SyntheticWorld.Today.PlusDays(364));
    private static readonly OccurrenceFilter OneCountry = new() { Countries = new HashSet<CountryCode> { CountryCode.Parse("KZ") } };

    private SyntheticWorld _world = null!;
    private Occurrence[] _window = [];

    [GlobalSetup]
    public void Setup()
    {
        _world = new SyntheticWorld();
        _window = [.. _world.Snapshot.Between(_world.Snapshot.Window, OccurrenceFilter.All)];
    }

    [Benchmark(Baseline = true)]
    public int ScanningTheWindow() => _window.Count(occurrence => occurrence.Date.Overlaps(NextYear) && OneCountry.Matches(occurrence));

    [Benchmark]
    public int FromTheCountryIndex() => _world.Snapshot.Between(NextYear, OneCountry).Count;

    [GlobalCleanup]
    public void Dispose()
    {
        _world?.Dispose();
        GC.SuppressFinalize(this);
    }
}
