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

    private static FactSet LoadSeeds()
    {
        var load = FactsLoader.Load(new FactsFolder(Repository.Seeds), TestContext.Current.CancellationToken);
        var extra = FactsParser.Parse([new FactsFile("extra.yaml", FactsFiles.Relations(id: "xa-xb-leap", date: "1996-02-29"))]);
        return new FactSet(load.Facts!.Facts.Concat(extra.Facts!.Facts), extra.Facts.Countries);
    }

    private static List<string> Ids(IEnumerable<Occurrence> occurrences) => occurrences.Select(o => o.Id).ToList();
}
