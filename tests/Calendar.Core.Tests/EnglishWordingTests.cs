using NodaTime;
using static Calendar.Core.Tests.TestFacts;

namespace Calendar.Core.Tests;

public class EnglishWordingTests
{
    private static readonly Wording English = Wording.English(Countries);

    [Theory]
    [InlineData("1992-08-21", "21 August 1992", "Friday 21 August 1992")]
    [InlineData("2016-09", "September 2016", "September 2016, day not known")]
    [InlineData("2009", "2009", "2009, month and day not known")]
    public void Dates_SayOnlyWhatIsKnown(string date, string text, string full)
    {
        Assert.Equal(text, English.DateText(PartialDate.Parse(date)));
        Assert.Equal(full, English.FullDateText(PartialDate.Parse(date)));
    }

    [Theory]
    [InlineData("2027-06-23", "June 2027")]
    [InlineData("2027-06", "June 2027")]
    [InlineData("2027", "Some time in 2027 (month not known)")]
    public void Period_HeadsAMonthOrAYearWhoseMonthIsNotKnown(string date, string expected) =>
        Assert.Equal(expected, English.Period(PartialDate.Parse(date)));

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "tomorrow")]
    [InlineData(7, "in 7 days")]
    [InlineData(-1, "yesterday")]
    [InlineData(-3, "3 days ago")]
    public void Until_CountsDaysInWords(int days, string expected) => Assert.Equal(expected, English.Until(days));

    [Fact]
    public void AnAnniversaryOfRelations_HasItsTitleSubjectSummaryAndDetails()
    {
        var occurrence = Assert.Single(Timeline(Relations("1992-08-21")).Between(new DateInterval(new LocalDate(2027, 8, 1), new LocalDate(2027, 8, 31))));

        Assert.Equal("35th anniversary of diplomatic relations between Xanadu and Brobdingnag", English.Title(occurrence));
        Assert.Equal("35th anniversary of diplomatic relations", English.Subject(occurrence));
        Assert.Equal("35th anniversary of diplomatic relations, Xanadu – Brobdingnag", English.Summary(occurrence));
        Assert.Equal("Jubilee · 35th", English.Jubilee(occurrence));
        Assert.Null(English.Status(occurrence));
        Assert.Equal([new Detail("Anniversary of", "Diplomatic relations established, 21 August 1992")], English.Details(occurrence));
    }

    [Theory]
    [InlineData(FactKind.Visit, "A. Person", "Participant")]
    [InlineData(FactKind.Consultations, "A. Person, B. Person", "Participants")]
    [InlineData(FactKind.Milestone, "A. Person", "Person")]
    [InlineData(FactKind.Opening, "A. Person, B. Person", "People")]
    public void People_AreParticipantsOnlyOfWhatOneTakesPartIn(FactKind kind, string people, string label)
    {
        var fact = Event("xa-fact", kind, "2027-03-05") with { Participants = people.Split(", ") };

        var occurrence = Assert.Single(Timeline(fact).Between(new DateInterval(new LocalDate(2027, 3, 1), new LocalDate(2027, 3, 31))));

        Assert.Equal(new Detail(label, people), Assert.Single(English.Details(occurrence)));
    }

    [Fact]
    public void AnEventsOwnPlaceAndStatus_AreInItsOverview()
    {
        var visit = Event("xa-visit", FactKind.Visit, "2027-03-05", "Minister visits Brobdingnag", FactStatus.Planned) with { Place = new Place("Lorbrulgrud", XB) };

        var occurrence = Assert.Single(Timeline(visit).Between(new DateInterval(new LocalDate(2027, 3, 1), new LocalDate(2027, 3, 31))));

        Assert.Equal(
            [
                new Detail("Date", "Friday 5 March 2027"),
                new Detail("Status", "planned, not confirmed"),
                new Detail("Countries", "Xanadu – Brobdingnag"),
                new Detail("Place", "Lorbrulgrud, Brobdingnag"),
                new Detail("Source", "Test Gazette: “[Invented for tests]”"),
            ],
            English.Overview(occurrence));
    }

    [Fact]
    public void ASource_IsCitedByItsHeadlineQuoted_OrByWhatItIsAbout()
    {
        var headline = new Source("Xanadu, Brobdingnag mark 30 years", "Test Gazette", new LocalDate(2022, 10, 20), null);
        var described = new Source(null, "Test Gazette", new LocalDate(2023, 6, 24), null) { About = "the 30th anniversary of relations" };
        var bare = new Source(null, null, null, null) { About = "the founding of the club" };

        Assert.Equal(new Citation("Test Gazette, 20 October 2022: ", "“Xanadu, Brobdingnag mark 30 years”", true), English.Cite(headline));
        Assert.Equal("Test Gazette, 24 June 2023, on the 30th anniversary of relations", English.Cite(described).Text);
        Assert.Equal("Article on the founding of the club", English.Cite(bare).Text);
    }

    [Fact]
    public void Filters_ReadAsLabelsAndAsSentences()
    {
        var everything = OccurrenceFilter.All;
        var visits = new OccurrenceFilter { Countries = new HashSet<CountryCode> { XB, XA }, Kinds = new HashSet<string> { "visit" }, Jubilee = false };
        var jubilees = new OccurrenceFilter { Jubilee = true };

        Assert.Null(English.Selection(everything));
        Assert.Equal("all events and anniversaries", English.Describe(everything));
        Assert.Equal("Brobdingnag and Xanadu · visits · except jubilees", English.Selection(visits));
        Assert.Equal("visits involving Brobdingnag or Xanadu, except jubilees", English.Describe(visits));
        Assert.Equal("jubilees only", English.Selection(jubilees));
        Assert.Equal("jubilee anniversaries", English.Describe(jubilees));
    }

    [Theory]
    [InlineData("anniversary", "anniversaries")]
    [InlineData("relations", "diplomatic relations")]
    [InlineData("consultations", "consultations")]
    [InlineData("strategic-partnership", "strategic partnerships")]
    [InlineData("cultural-event", "cultural events")]
    public void Kinds_ArePluralNouns(string kind, string expected) => Assert.Equal(expected, English.Kind(kind));
}
