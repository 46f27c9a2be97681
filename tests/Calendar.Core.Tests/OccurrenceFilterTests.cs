using NodaTime;
using static Calendar.Core.Tests.TestFacts;

namespace Calendar.Core.Tests;

public class OccurrenceFilterTests
{
    private static readonly DateInterval Year2027 = new(new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31));

    private static readonly OccurrenceTimeline Timeline = TestFacts.Timeline(
        Relations("1992-08-21"),
        Relations("1996-03-01", XC),
        Event("xa-xb-visit", FactKind.Visit, "2027-05-10"));

    [Fact]
    public void Kinds_Anniversary_MatchesEveryAnniversaryAndNoEvent() =>
        Assert.Equal(["xa-xc-relations.2027", "xa-xb-relations.2027"], Ids(new() { Kinds = Set("anniversary") }));

    [Fact]
    public void Kinds_AFactKind_MatchesTheEventAndItsAnniversaries() =>
        Assert.Equal(["xa-xc-relations.2027", "xa-xb-relations.2027"], Ids(new() { Kinds = Set("relations") }));

    [Fact]
    public void Kinds_SeveralKinds_MatchAnyOfThem() =>
        Assert.Equal(["xa-xb-visit", "xa-xb-relations.2027"], Ids(new() { Kinds = Set("visit", "anniversary"), Countries = new HashSet<CountryCode> { XB } }));

    [Fact]
    public void Jubilee_False_KeepsEverythingButJubilees() =>
        Assert.Equal(["xa-xc-relations.2027", "xa-xb-visit"], Ids(new() { Jubilee = false }));

    [Fact]
    public void Countries_MatchAnyCountryOfTheFact() =>
        Assert.Equal(3, Ids(new() { Countries = new HashSet<CountryCode> { XA } }).Count);

    [Fact]
    public void Key_IsTheSameForTheSameSelectionInAnyOrder()
    {
        var one = new OccurrenceFilter { Countries = new HashSet<CountryCode> { XA, XB }, Kinds = Set("visit", "anniversary") };
        var other = new OccurrenceFilter { Countries = new HashSet<CountryCode> { XB, XA }, Kinds = Set("anniversary", "visit") };

        Assert.Equal(one.Key, other.Key);
        Assert.NotEqual(one.Key, (one with { Jubilee = true }).Key);
    }

    [Theory]
    [InlineData("anniversary", true)]
    [InlineData("air-route", true)]
    [InlineData("holiday", false)]
    public void IsKnownKind_KnowsAnniversaryAndEveryFactKind(string kind, bool expected) =>
        Assert.Equal(expected, OccurrenceFilter.IsKnownKind(kind));

    private static List<string> Ids(OccurrenceFilter filter) => Timeline.Between(Year2027, filter).Select(o => o.Id).ToList();

    private static HashSet<string> Set(params string[] kinds) => [.. kinds];
}
