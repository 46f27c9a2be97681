using NodaTime;
using NodaTime.Text;
using static Calendar.Core.Tests.TestFacts;

namespace Calendar.Core.Tests;

public class OccurrenceTimelineTests
{
    [Fact]
    public void Between_YieldsTheAnniversaryWithItsOrdinalJubileeAndTitle()
    {
        var timeline = Timeline(Relations("1993-06-23"));

        var occurrence = Assert.Single(timeline.Between(Range("2023-06-01", "2023-09-08")));

        Assert.Equal("anniversary", occurrence.Kind);
        Assert.Equal("2023-06-23", occurrence.Date.ToIsoString());
        Assert.Equal(30, occurrence.Ordinal);
        Assert.True(occurrence.IsJubilee);
        Assert.Equal("30th anniversary of diplomatic relations between Xanadu and Brobdingnag", occurrence.Title);
        Assert.Equal("30th anniversary of diplomatic relations", occurrence.Subject);
        Assert.Equal("xa-xb-relations.2023", occurrence.Id);
    }

    [Theory]
    [InlineData("2024-06-23", 31, false)]
    [InlineData("2028-06-23", 35, true)]
    [InlineData("1994-06-23", 1, false)]
    public void Between_NumbersEveryYear(string day, int ordinal, bool jubilee)
    {
        var occurrence = Assert.Single(Timeline(Relations("1993-06-23")).Between(Range(day, day)));

        Assert.Equal(ordinal, occurrence.Ordinal);
        Assert.Equal(jubilee, occurrence.IsJubilee);
    }

    [Fact]
    public void Between_YieldsTheFactItselfOnItsOwnDateWithoutOrdinal()
    {
        var visit = Event("xa-visit", FactKind.Visit, "2023-08-22", "Minister visits Brobdingnag");

        var occurrence = Assert.Single(Timeline(visit).Between(Range("2023-08-01", "2023-08-31")));

        Assert.Equal("visit", occurrence.Kind);
        Assert.Equal("xa-visit", occurrence.Id);
        Assert.Null(occurrence.Ordinal);
        Assert.Null(occurrence.IsJubilee);
        Assert.Equal("Minister visits Brobdingnag", occurrence.Title);
    }

    [Fact]
    public void Between_NeverYieldsAnniversariesOfAFactThatDoesNotRecur()
    {
        var visit = Event("xa-visit", FactKind.Visit, "2013-08-22");

        Assert.Empty(Timeline(visit).Between(Range("2014-01-01", "2040-12-31")));
    }

    [Fact]
    public void Between_Feb29Relation_FallsOnFeb28InCommonYearsAndFeb29InLeapYears()
    {
        var timeline = Timeline(Relations("1996-02-29"));

        var dates = timeline.Between(Range("2026-01-01", "2029-12-31")).Select(o => (o.Date.ToIsoString(), o.Ordinal));

        Assert.Equal([("2026-02-28", 30), ("2027-02-28", 31), ("2028-02-29", 32), ("2029-02-28", 33)], dates);
    }

    [Fact]
    public void Between_MonthPrecisionFact_YieldsMonthPrecisionAnniversaryThatOverlapsTheRange()
    {
        var opening = Event("xa-centre", FactKind.Opening, "2016-09") with { Recurs = true, AnniversaryOf = "the Xanadu Centre" };

        var occurrence = Assert.Single(Timeline(opening).Between(Range("2026-09-30", "2026-10-15")));

        Assert.Equal(DatePrecision.Month, occurrence.Date.Precision);
        Assert.Equal("2026-09", occurrence.Date.ToIsoString());
        Assert.Equal("10th anniversary of the Xanadu Centre", occurrence.Title);
    }

    [Fact]
    public void Between_YearPrecisionFact_IsInAnyRangeThatTouchesItsYear()
    {
        var partnership = Event("xa-partnership", FactKind.StrategicPartnership, "2009", "Strategic partnership agreed") with { Recurs = true };

        var occurrences = Timeline(partnership).Between(Range("2034-12-31", "2035-01-30"));

        Assert.Equal([("2034", 25), ("2035", 26)], occurrences.Select(o => (o.Date.ToIsoString(), o.Ordinal!.Value)));
        Assert.Equal("25th anniversary: Strategic partnership agreed", occurrences[0].Title);
    }

    [Fact]
    public void Between_SortsByDateThenTitle()
    {
        var timeline = Timeline(
            Relations("1992-08-21", XC),
            Event("b", FactKind.Meeting, "2027-08-21", "Banquet"),
            Event("a", FactKind.Meeting, "2027-08-21", "Audience"),
            Event("m", FactKind.Meeting, "2027-08", "Month-long exhibition"),
            Relations("1992-06-29"));

        var titles = timeline.Between(Range("2027-01-01", "2027-12-31")).Select(o => o.Title);

        Assert.Equal(
        [
            "35th anniversary of diplomatic relations between Xanadu and Brobdingnag",
            "Month-long exhibition",
            "35th anniversary of diplomatic relations between Xanadu and Lilliput",
            "Audience",
            "Banquet",
        ], titles);
    }

    [Fact]
    public void Between_AppliesTheFilter()
    {
        var timeline = Timeline(Relations("1992-08-21", XC), Relations("1993-06-23"), Event("v", FactKind.Visit, "2027-03-01"));
        var range = Range("2027-01-01", "2027-12-31");

        Assert.Equal(["xa-xc-relations.2027"], timeline.Between(range, new() { Jubilee = true }).Select(o => o.Id));
        Assert.Equal(["v"], timeline.Between(range, new() { Kinds = new HashSet<string> { "visit" } }).Select(o => o.Id));
        Assert.Equal(["xa-xc-relations.2027"], timeline.Between(range, new() { Countries = new HashSet<CountryCode> { XC } }).Select(o => o.Id));
    }

    [Fact]
    public void Between_UsesTheConfiguredJubileeRule()
    {
        var timeline = new OccurrenceTimeline(new FactSet([Relations("1993-06-23")], Countries), new JubileeRule(every: 10));

        Assert.False(Assert.Single(timeline.Between(Range("2028-01-01", "2028-12-31"))).IsJubilee);
        Assert.True(Assert.Single(timeline.Between(Range("2033-01-01", "2033-12-31"))).IsJubilee);
    }

    [Fact]
    public void Ids_AreTheSameWhicheverRangeFindsThem()
    {
        var timeline = Timeline(Relations("1993-06-23"));

        var narrow = Assert.Single(timeline.Between(Range("2030-06-23", "2030-06-23")));
        var wide = timeline.Between(Range("2026-01-01", "2035-12-31")).Single(o => o.Date.Year == 2030);

        Assert.Equal(narrow.Id, wide.Id);
    }

    [Theory]
    [InlineData(FactStatus.Occurred, FactStatus.Scheduled)]
    [InlineData(FactStatus.Planned, FactStatus.Planned)]
    public void Status_OfAnAnniversary_IsFirmUnlessItsFactIsOnlyPlanned(FactStatus fact, FactStatus anniversary)
    {
        var opening = Event("xa-centre", FactKind.Opening, "2016-09-01", status: fact) with { Recurs = true };

        var occurrence = Assert.Single(Timeline(opening).Between(Range("2026-09-01", "2026-09-01")));

        Assert.Equal(anniversary, occurrence.Status);
    }

    [Theory]
    [InlineData("2023-06-01", 22)]
    [InlineData("2023-06-23", 0)]
    [InlineData("2023-06-24", -1)]
    public void DaysFrom_CountsCalendarDaysToTheFirstDay(string today, int expected)
    {
        var occurrence = Assert.Single(Timeline(Relations("1993-06-23")).Between(Range("2023-01-01", "2023-12-31")));

        Assert.Equal(expected, occurrence.DaysFrom(PartialDate.Parse(today).FirstDay));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(11, 10)]
    [InlineData(1000, 10)]
    public void Between_AtMostAsManyAsOccur_GivesThemAll(int atMost, int occur)
    {
        var timeline = Timeline(Relations("1993-06-23"));

        var occurrences = timeline.Between(Range("2030-01-01", "2039-12-31"), null, atMost);

        Assert.NotNull(occurrences);
        Assert.Equal(occur, occurrences.Count);
        Assert.Equal(timeline.Between(Range("2030-01-01", "2039-12-31")), occurrences);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(0)]
    public void Between_FewerThanOccur_GivesNothing(int atMost)
    {
        var timeline = Timeline(Relations("1993-06-23"));

        Assert.Null(timeline.Between(Range("2030-01-01", "2039-12-31"), null, atMost));
    }

    private static DateInterval Range(string start, string end) =>
        new(LocalDatePattern.Iso.Parse(start).Value, LocalDatePattern.Iso.Parse(end).Value);
}
