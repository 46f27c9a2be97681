using static Calendar.Core.Tests.LanguageTestFacts;

namespace Calendar.Core.Tests;

public class KazakhWordingTests
{
    private static readonly Wording Kazakh = Wording.For(Language.Kk, CountryCatalog.Iso);

    [Theory]
    [InlineData("IT", "Қазақстан мен Италия арасындағы дипломатиялық қатынастардың орнағанына 35 жыл")]
    [InlineData("US", "Қазақстан мен Америка Құрама Штаттары арасындағы дипломатиялық қатынастардың орнағанына 35 жыл")]
    [InlineData("KR", "Қазақстан мен Корея Республикасы арасындағы дипломатиялық қатынастардың орнағанына 35 жыл")]
    [InlineData("TR", "Қазақстан мен Түркия арасындағы дипломатиялық қатынастардың орнағанына 35 жыл")]
    public void RelationsAnniversary_KeepsThePartnerInTheNominativeAfterҚазақстанМен(string partner, string expected) =>
        Assert.Equal(expected, Kazakh.Title(OccurrenceOf(Bilateral(FactKind.Relations, partner), 2027)));

    [Theory]
    [InlineData(FactKind.Relations, null, "Қазақстан мен Италия арасында дипломатиялық қатынастар орнатылды", "Қазақстан мен Италия арасындағы дипломатиялық қатынастардың орнағанына 15 жыл")]
    [InlineData(FactKind.StrategicPartnership, null, "Қазақстан мен Италия арасындағы стратегиялық әріптестік", "Қазақстан мен Италия арасындағы стратегиялық әріптестікке 15 жыл")]
    [InlineData(FactKind.Consultations, null, "Қазақстан мен Италия арасындағы саяси консультациялар", "Қазақстан мен Италия арасындағы саяси консультацияларға 15 жыл")]
    [InlineData(FactKind.Meeting, null, "Қазақстан мен Италия өкілдерінің кездесуі", "Қазақстан мен Италия өкілдерінің кездесуіне 15 жыл")]
    [InlineData(FactKind.Signing, null, "Қазақстан мен Италия арасындағы келісімге қол қойылды", "Қазақстан мен Италия арасындағы келісімге қол қойылғанына 15 жыл")]
    [InlineData(FactKind.AirRoute, null, "Қазақстан мен Италия арасында әуе қатынасы ашылды", "Қазақстан мен Италия арасындағы әуе қатынасының ашылғанына 15 жыл")]
    [InlineData(FactKind.Visit, "IT", "Қазақстан делегациясының Италияға сапары", "Қазақстан делегациясының Италияға сапарына 15 жыл")]
    [InlineData(FactKind.Visit, "KZ", "Италия делегациясының Қазақстанға сапары", "Италия делегациясының Қазақстанға сапарына 15 жыл")]
    [InlineData(FactKind.Opening, "IT", "An English title as the editor wrote it", "An English title as the editor wrote it: 15 жыл")]
    [InlineData(FactKind.Founding, null, "An English title as the editor wrote it", "An English title as the editor wrote it: 15 жыл")]
    [InlineData(FactKind.CulturalEvent, "IT", "An English title as the editor wrote it", "An English title as the editor wrote it: 15 жыл")]
    [InlineData(FactKind.Milestone, null, "An English title as the editor wrote it", "An English title as the editor wrote it: 15 жыл")]
    public void Titles_PerKind_EventAndAnniversary(FactKind kind, string? placeIn, string eventTitle, string anniversaryTitle)
    {
        var fact = Bilateral(kind, "IT", "2012-05-10", placeIn);

        Assert.Equal(eventTitle, Kazakh.Title(OccurrenceOf(fact)));
        Assert.Equal(anniversaryTitle, Kazakh.Title(OccurrenceOf(fact, 2027)));
    }

    [Theory]
    [InlineData("KZ", "BZ", "Қазақстан мен Белиз арасындағы стратегиялық әріптестік")]
    [InlineData("BZ", "KZ", "Белиз бен Қазақстан арасындағы стратегиялық әріптестік")]
    [InlineData("LU", "KZ", "Люксембург пен Қазақстан арасындағы стратегиялық әріптестік")]
    public void TheConjunction_FollowsTheLastSoundOfTheFirstName(string first, string second, string expected)
    {
        var fact = Bilateral(FactKind.StrategicPartnership, "IT") with { Countries = [CountryCode.Parse(first), CountryCode.Parse(second)] };

        Assert.Equal(expected, Kazakh.Title(OccurrenceOf(fact)));
    }

    [Theory]
    [InlineData("AE", "Қазақстан делегациясының Біріккен Араб Әмірліктеріне сапары")]
    [InlineData("LU", "Қазақстан делегациясының Люксембургке сапары")]
    public void Visit_TakesTheDative(string partner, string expected) =>
        Assert.Equal(expected, Kazakh.Title(OccurrenceOf(Bilateral(FactKind.Visit, partner, placeIn: partner))));

    [Fact]
    public void TheEditorsKazakhTitle_WinsForTheEventAndItsAnniversary()
    {
        var fact = Bilateral(FactKind.Opening, "AR") with
        {
            TitleIn = new Translations(null, "Росариода Қазақ мәдениеті орталығы ашылды"),
            AnniversaryOfIn = new Translations(null, "Росариодағы Қазақ мәдениеті орталығының ашылғанына"),
        };

        Assert.Equal("Росариода Қазақ мәдениеті орталығы ашылды", Kazakh.Title(OccurrenceOf(fact)));
        Assert.Equal("Росариодағы Қазақ мәдениеті орталығының ашылғанына 35 жыл", Kazakh.Title(OccurrenceOf(fact, 2027)));
    }

    [Theory]
    [InlineData(1, "1-ші", "1 жыл")]
    [InlineData(2, "2-ші", "2 жыл")]
    [InlineData(3, "3-ші", "3 жыл")]
    [InlineData(5, "5-ші", "5 жыл")]
    [InlineData(6, "6-шы", "6 жыл")]
    [InlineData(11, "11-ші", "11 жыл")]
    [InlineData(20, "20-шы", "20 жыл")]
    [InlineData(21, "21-ші", "21 жыл")]
    [InlineData(22, "22-ші", "22 жыл")]
    [InlineData(30, "30-шы", "30 жыл")]
    [InlineData(35, "35-ші", "35 жыл")]
    [InlineData(50, "50-ші", "50 жыл")]
    [InlineData(100, "100-ші", "100 жыл")]
    [InlineData(101, "101-ші", "101 жыл")]
    [InlineData(111, "111-ші", "111 жыл")]
    public void Ordinals_FollowTheLastNumberWordsVowels(int number, string ordinal, string years)
    {
        Assert.Equal(ordinal, KazakhOrdinals.Ordinal(number));
        Assert.EndsWith(" " + years, Kazakh.Title(OccurrenceOf(Bilateral(FactKind.Relations, "IT", "1900-08-21"), 1900 + number)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-08-21", "2027 жылғы 21 тамыз", "2027 жылғы 21 тамыз, сенбі")]
    [InlineData("2027-09", "2027 жылғы қыркүйек", "2027 жылғы қыркүйек, күні белгісіз")]
    [InlineData("2027", "2027 жылы", "2027 жыл, айы мен күні белгісіз")]
    public void Dates_AtDayMonthAndYearPrecision(string date, string text, string full)
    {
        Assert.Equal(text, Kazakh.DateText(PartialDate.Parse(date)));
        Assert.Equal(full, Kazakh.FullDateText(PartialDate.Parse(date)));
    }

    [Theory]
    [InlineData(0, "бүгін")]
    [InlineData(1, "ертең")]
    [InlineData(-1, "кеше")]
    [InlineData(2, "2 күннен кейін")]
    [InlineData(21, "21 күннен кейін")]
    [InlineData(-3, "3 күн бұрын")]
    public void Until_KeepsTheNounAfterANumeral(int days, string expected) => Assert.Equal(expected, Kazakh.Until(days));

    [Fact]
    public void Describe_PutsTheParticipleBeforeTheNoun()
    {
        var filter = new OccurrenceFilter { Countries = new HashSet<CountryCode> { CountryCode.Parse("IT") }, Kinds = new HashSet<string> { "visit" } };

        Assert.Equal("Италия қатысатын сапарлар", Kazakh.Describe(filter));
    }
}
