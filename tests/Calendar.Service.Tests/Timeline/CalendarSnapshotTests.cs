using Calendar.Core;
using Calendar.Service.Facts;
using Calendar.Service.Timeline;
using NodaTime;

namespace Calendar.Service.Tests.Timeline;

public class CalendarSnapshotTests
{
    private static readonly LocalDate Today = new(2026, 11, 24);

    [Fact]
    public void Between_FromThePrecomputedWindow_AnswersExactlyAsComputingFromTheFacts()
    {
        var facts = LoadSeeds();
        var snapshot = new CalendarSnapshot(facts, new FactsVersion("test", Instant.FromUnixTimeSeconds(0)), Today, JubileeRule.Default, horizonYears: 10);
        var timeline = new OccurrenceTimeline(facts, JubileeRule.Default);

        // Every range start in the window's first and last years, several lengths: the slice search at its edges.
        var starts = Enumerable.Range(0, 400).Select(i => Today.PlusYears(-1).PlusDays(i))
            .Concat(Enumerable.Range(0, 400).Select(i => Today.PlusYears(9).PlusDays(i)));
        foreach (var start in starts)
        {
            foreach (var days in new[] { 1, 30, 366 })
            {
                var range = new DateInterval(start, start.PlusDays(days - 1));
                Assert.Equal(Ids(timeline.Between(range)), Ids(snapshot.Between(range, OccurrenceFilter.All)));
            }
        }
    }

    [Fact]
    public void Between_ByCountryAndKind_AnswersExactlyAsFilteringEveryOccurrence()
    {
        var facts = LoadSeeds();
        var snapshot = new CalendarSnapshot(facts, new FactsVersion("test", Instant.FromUnixTimeSeconds(0)), Today, JubileeRule.Default, horizonYears: 5);
        var timeline = new OccurrenceTimeline(facts, JubileeRule.Default);
        OccurrenceFilter[] filters =
        [
            new() { Countries = Codes("AR") },
            new() { Countries = Codes("IT", "LU", "XA") },
            new() { Countries = Codes("ZZ") },
            new() { Kinds = new HashSet<string> { "anniversary" } },
            new() { Kinds = new HashSet<string> { "relations", "visit" } },
            new() { Countries = Codes("AR"), Kinds = new HashSet<string> { "visit" }, Jubilee = false },
            new() { Jubilee = true },
        ];

        foreach (var filter in filters)
        {
            foreach (var range in new[] { snapshot.Window, new DateInterval(Today, Today.PlusDays(364)), new DateInterval(new LocalDate(2027, 6, 1), new LocalDate(2027, 6, 30)) })
            {
                var expected = Ids(timeline.Between(range, filter));
                Assert.Equal(expected, Ids(snapshot.Between(range, filter)));
            }
        }

        Assert.NotEmpty(snapshot.Between(snapshot.Window, filters[0]));
    }

    [Fact]
    public void Window_IsWholeYears_FromJanuaryLastYear_ToDecemberOfTheHorizon()
    {
        var snapshot = new CalendarSnapshot(LoadSeeds(), new FactsVersion("test", Instant.FromUnixTimeSeconds(0)), Today, JubileeRule.Default, horizonYears: 5);

        Assert.Equal(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2031, 12, 31)), snapshot.Window);
    }

    [Fact]
    public void ANewDayOfTheSameYear_ReusesTheOccurrences_AndANewYearComputesItsOwn()
    {
        var facts = LoadSeeds();
        var version = new FactsVersion("test", Instant.FromUnixTimeSeconds(0));
        var first = new CalendarSnapshot(facts, version, Today, JubileeRule.Default, horizonYears: 5);

        var tomorrow = new CalendarSnapshot(facts, version, Today.PlusDays(1), JubileeRule.Default, horizonYears: 5, first);
        var newYear = new CalendarSnapshot(facts, version, new LocalDate(2027, 1, 1), JubileeRule.Default, horizonYears: 5, tomorrow);

        Assert.Same(first.Timeline, tomorrow.Timeline);
        Assert.NotSame(first.Timeline, newYear.Timeline);
        Assert.Equal(new LocalDate(2026, 1, 1), newYear.Window.Start);
        Assert.Contains(newYear.Between(newYear.Window, OccurrenceFilter.All), occurrence => occurrence.Date.Year == 2032);
    }

    private static HashSet<CountryCode> Codes(params string[] codes) => [.. codes.Select(CountryCode.Parse)];

    private static FactSet LoadSeeds()
    {
        var load = FactsLoader.Load(new FactsFolder(Repository.Seeds), TestContext.Current.CancellationToken);
        var extra = FactsParser.Parse([new FactsFile("extra.yaml", FactsFiles.Relations(id: "xa-xb-leap", date: "1996-02-29"))]);
        return new FactSet(load.Facts!.Facts.Concat(extra.Facts!.Facts), extra.Facts.Countries);
    }

    private static List<string> Ids(IEnumerable<Occurrence> occurrences) => occurrences.Select(o => o.Id).ToList();
}
