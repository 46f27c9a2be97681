using static Calendar.Core.Tests.LanguageTestFacts;

namespace Calendar.Core.Tests;

public class RussianWordingTests
{
    private static readonly Wording Russian = Wording.For(Language.Ru, CountryCatalog.Iso);

    [Theory]
    [InlineData("IT", "35-летие установления дипломатических отношений между Казахстаном и Италией")]
    [InlineData("US", "35-летие установления дипломатических отношений между Казахстаном и Соединёнными Штатами Америки")]
    [InlineData("KR", "35-летие установления дипломатических отношений между Казахстаном и Республикой Корея")]
    [InlineData("AE", "35-летие установления дипломатических отношений между Казахстаном и Объединёнными Арабскими Эмиратами")]
    [InlineData("TR", "35-летие установления дипломатических отношений между Казахстаном и Турцией")]
    public void RelationsAnniversary_DeclinesThePartnerInTheInstrumentalWordByWord(string partner, string expected) =>
        Assert.Equal(expected, Russian.Title(OccurrenceOf(Bilateral(FactKind.Relations, partner), 2027)));

    [Theory]
    [InlineData(FactKind.Relations, null, "Установление дипломатических отношений между Казахстаном и Италией", "15-летие установления дипломатических отношений между Казахстаном и Италией")]
    [InlineData(FactKind.StrategicPartnership, null, "Стратегическое партнёрство между Казахстаном и Италией", "15-летие стратегического партнёрства между Казахстаном и Италией")]
    [InlineData(FactKind.Consultations, null, "Политические консультации Казахстана с Италией", "15-летие политических консультаций Казахстана с Италией")]
    [InlineData(FactKind.Meeting, null, "Встреча представителей Казахстана и Италии", "15-летие встречи представителей Казахстана и Италии")]
    [InlineData(FactKind.Signing, null, "Подписание соглашения между Казахстаном и Италией", "15-летие подписания соглашения между Казахстаном и Италией")]
    [InlineData(FactKind.AirRoute, null, "Открытие авиасообщения между Казахстаном и Италией", "15-летие открытия авиасообщения между Казахстаном и Италией")]
    [InlineData(FactKind.Visit, "IT", "Визит в Италию", "15-летие визита в Италию")]
    [InlineData(FactKind.Visit, "KZ", "Визит делегации Италии в Казахстан", "15-летие визита делегации Италии в Казахстан")]
    [InlineData(FactKind.Opening, "IT", "An English title as the editor wrote it", "15-летие: An English title as the editor wrote it")]
    [InlineData(FactKind.Founding, null, "An English title as the editor wrote it", "15-летие: An English title as the editor wrote it")]
    [InlineData(FactKind.CulturalEvent, "IT", "An English title as the editor wrote it", "15-летие: An English title as the editor wrote it")]
    [InlineData(FactKind.Milestone, null, "An English title as the editor wrote it", "15-летие: An English title as the editor wrote it")]
    public void Titles_PerKind_EventAndAnniversary(FactKind kind, string? placeIn, string eventTitle, string anniversaryTitle)
    {
        var fact = Bilateral(kind, "IT", "2012-05-10", placeIn);

        Assert.Equal(eventTitle, Russian.Title(OccurrenceOf(fact)));
        Assert.Equal(anniversaryTitle, Russian.Title(OccurrenceOf(fact, 2027)));
    }

    [Theory]
    [InlineData("CU", "Визит на Кубу")]
    [InlineData("FR", "Визит во Францию")]
    [InlineData("KR", "Визит в Республику Корея")]
    public void Visit_TakesTheTablesPrepositionAndTheAccusative(string partner, string expected) =>
        Assert.Equal(expected, Russian.Title(OccurrenceOf(Bilateral(FactKind.Visit, partner, placeIn: partner))));

    [Fact]
    public void Consultations_TakeTheInstrumentalAfterС() =>
        Assert.Equal("Политические консультации Казахстана с Объединёнными Арабскими Эмиратами", Russian.Title(OccurrenceOf(Bilateral(FactKind.Consultations, "AE"))));

    [Fact]
    public void TheEditorsRussianTitle_WinsForTheEventAndItsAnniversary()
    {
        var fact = Bilateral(FactKind.Opening, "AR") with
        {
            TitleIn = new Translations("Открыт Центр казахской культуры в Росарио", null),
            AnniversaryOfIn = new Translations("открытия Центра казахской культуры в Росарио", null),
        };

        Assert.Equal("Открыт Центр казахской культуры в Росарио", Russian.Title(OccurrenceOf(fact)));
        Assert.Equal("35-летие открытия Центра казахской культуры в Росарио", Russian.Title(OccurrenceOf(fact, 2027)));
    }

    [Fact]
    public void Subject_LeavesTheCountriesToTheSummary()
    {
        var occurrence = OccurrenceOf(Bilateral(FactKind.Relations, "IT"), 2027);

        Assert.Equal("35-летие установления дипломатических отношений", Russian.Subject(occurrence));
        Assert.Equal("35-летие установления дипломатических отношений, Казахстан — Италия", Russian.Summary(occurrence));
        Assert.Equal("Юбилей · 35-летие", Russian.Jubilee(occurrence));
        Assert.Equal(new Detail("Годовщина события", "Установление дипломатических отношений между Казахстаном и Италией, 21 августа 1992 года"), Russian.Details(occurrence)[0]);
    }

    [Theory]
    [InlineData(1, "1-я годовщина")]
    [InlineData(2, "2-летие")]
    [InlineData(3, "3-летие")]
    [InlineData(5, "5-летие")]
    [InlineData(11, "11-летие")]
    [InlineData(21, "21-летие")]
    [InlineData(22, "22-летие")]
    [InlineData(35, "35-летие")]
    [InlineData(100, "100-летие")]
    [InlineData(101, "101-летие")]
    [InlineData(111, "111-летие")]
    public void Ordinals_NameTheAnniversaryInTheTitle(int years, string expected)
    {
        Assert.Equal(expected, RussianOrdinals.Anniversary(years));
        Assert.StartsWith(expected + " установления", Russian.Title(OccurrenceOf(Bilateral(FactKind.Relations, "IT", "1900-08-21"), 1900 + years)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-08-21", "21 августа 2027 года", "суббота, 21 августа 2027 года")]
    [InlineData("2027-09", "в сентябре 2027 года", "сентябрь 2027 года, число неизвестно")]
    [InlineData("2027", "в 2027 году", "2027 год, месяц и число неизвестны")]
    public void Dates_AtDayMonthAndYearPrecision(string date, string text, string full)
    {
        Assert.Equal(text, Russian.DateText(PartialDate.Parse(date)));
        Assert.Equal(full, Russian.FullDateText(PartialDate.Parse(date)));
    }

    [Theory]
    [InlineData("2027-05-03", "Май 2027")]
    [InlineData("2027", "2027 год (месяц неизвестен)")]
    public void Period_HeadsAMonthInTheNominative(string date, string expected) => Assert.Equal(expected, Russian.Period(PartialDate.Parse(date)));

    [Theory]
    [InlineData(0, "сегодня")]
    [InlineData(1, "завтра")]
    [InlineData(-1, "вчера")]
    [InlineData(2, "через 2 дня")]
    [InlineData(5, "через 5 дней")]
    [InlineData(7, "через 7 дней")]
    [InlineData(11, "через 11 дней")]
    [InlineData(21, "через 21 день")]
    [InlineData(22, "через 22 дня")]
    [InlineData(101, "через 101 день")]
    [InlineData(111, "через 111 дней")]
    [InlineData(-3, "3 дня назад")]
    public void Until_ChoosesThePluralFormByCldr(int days, string expected) => Assert.Equal(expected, Russian.Until(days));

    [Fact]
    public void Describe_PutsCountriesInTheGenitiveAfterСУчастием()
    {
        var filter = new OccurrenceFilter { Countries = new HashSet<CountryCode> { CountryCode.Parse("IT"), CountryCode.Parse("LU") }, Kinds = new HashSet<string> { "visit" }, Jubilee = false };

        Assert.Equal("визиты с участием Италии или Люксембурга, кроме юбилеев", Russian.Describe(filter));
        Assert.Equal("Италия и Люксембург · визиты · кроме юбилеев", Russian.Selection(filter));
    }
}
