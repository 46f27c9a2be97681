using BenchmarkDotNet.Attributes;
using Calendar.Core;
using Calendar.Service.Feed;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace Calendar.Benchmarks;

/// <summary>
/// Writing one country's feed at world scale (1,344 events), against one plain Ical.Net serialization of the same
/// events built as one object graph beforehand (the baseline, the end-to-end benchmark's yardstick in small).
/// Targets: a first build (wording, SEQUENCEs from the database, serializing, hashing, gzip) at most 1.0; a build whose
/// events another feed serialized already at most 0.2.
/// </summary>
[MemoryDiagnoser]
public class FeedWritingBenchmarks : IDisposable
{
    private static readonly OccurrenceFilter OneCountry = new() { Countries = new HashSet<CountryCode> { CountryCode.Parse("KZ") } };

    private SyntheticWorld _world = null!;
    private BenchServices _services = null!;
    private FeedBuilder _shared = null!;
    private IcalCalendar _plain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = new SyntheticWorld();
        _services = new BenchServices();
        _shared = _services.NewBuilder();
        _shared.Build(_world.Snapshot, OneCountry);
        var snapshot = _world.Snapshot;
        _plain = new IcalCalendar { ProductId = FeedBuilder.ProductId };
        foreach (var occurrence in snapshot.Between(snapshot.Window, OneCountry).Where(FeedEvent.IsListed))
        {
            _plain.Events.Add(FeedEvent.From(occurrence, snapshot.Facts.Countries, "calendar.local").ToCalendarEvent(0, snapshot.Version.LastModified));
        }
    }

    [Benchmark(Baseline = true)]
    public int PlainIcalNetSerialization() => new CalendarSerializer().SerializeToString(_plain)!.Length;

    [Benchmark]
    public long FirstBuild() => _services.NewBuilder().Build(_world.Snapshot, OneCountry).Identity.Length;

    [Benchmark]
    public long FromSharedTexts() => _shared.Build(_world.Snapshot, OneCountry).Identity.Length;

    [GlobalCleanup]
    public void Dispose()
    {
        _services?.Dispose();
        _world?.Dispose();
        GC.SuppressFinalize(this);
    }
}
