using NodaTime;

namespace Calendar.Service.Tests.Feed;

/// <summary>The feed in Russian and Kazakh, read by ical.js: one event, three wordings, the same UIDs, a SEQUENCE per language.</summary>
public class FeedLanguageTests
{
    private static readonly Instant Summer2027 = Instant.FromUtc(2027, 8, 14, 6, 0);
    private const string Relations = "kz-it-relations.2027@calendar.local";

    [Theory]
    [InlineData("ru", "Дипломатические годовщины",
        "35-летие установления дипломатических отношений, Казахстан — Италия",
        "35-летие установления дипломатических отношений между Казахстаном и Италией\nДата: суббота, 21 августа 2027 года\nЮбилей: Юбилей · 35-летие\nСтраны: Казахстан — Италия")]
    [InlineData("kk", "Дипломатиялық мерейтойлар",
        "Дипломатиялық қатынастардың орнағанына 35 жыл, Қазақстан — Италия",
        "Қазақстан мен Италия арасындағы дипломатиялық қатынастардың орнағанына 35 жыл\nКүні: 2027 жылғы 21 тамыз, сенбі\nМерейтой: Мерейтой · 35 жыл\nЕлдер: Қазақстан — Италия")]
    public async Task TheFeedInRussianAndKazakh_IsWordedInIt_WithLanguageParameters(string lang, string name, string summary, string descriptionStart)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.KazakhstanItaly);
        using var app = new CalendarApplication(facts.Path, Summer2027);

        var feed = await FeedClient.ReadAsync(app, $"?lang={lang}");

        Assert.Equal(name, feed.Properties["x-wr-calname"]);
        Assert.Equal(name, feed.Properties["name"]);
        var relations = feed.Event(Relations);
        Assert.Equal(summary, relations.Summary);
        Assert.StartsWith(descriptionStart, relations.Description, StringComparison.Ordinal);
        Assert.Equal(lang, relations.SummaryLanguage);
        Assert.Equal(lang, relations.DescriptionLanguage);
        Assert.Equal("2027-08-21", relations.Start);
    }

    [Fact]
    public async Task TheUids_AreTheSameInEveryLanguage_AndEnglishHasNoLanguageParameter()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.KazakhstanItaly);
        using var app = new CalendarApplication(facts.Path, Summer2027);

        var english = await FeedClient.ReadAsync(app);
        var russian = await FeedClient.ReadAsync(app, "?lang=ru");
        var kazakh = await FeedClient.ReadAsync(app, "?lang=kk");

        Assert.NotEmpty(english.Events);
        Assert.Equal(english.Events.Select(e => e.Uid).Order(StringComparer.Ordinal), russian.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
        Assert.Equal(english.Events.Select(e => e.Uid).Order(StringComparer.Ordinal), kazakh.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
        Assert.Null(english.Event(Relations).SummaryLanguage);
        Assert.Equal("35th anniversary of diplomatic relations, Kazakhstan – Italy", english.Event(Relations).Summary);
    }

    [Fact]
    public async Task SwitchingLanguage_IsNoRevision_ButAnEditRaisesEachLanguagesSequenceOnce()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.KazakhstanItaly);
        using var app = new CalendarApplication(facts.Path, Summer2027);

        var english = await FeedClient.ReadAsync(app);
        var russian = await FeedClient.ReadAsync(app, "?lang=ru");
        var englishAgain = await FeedClient.ReadAsync(app);

        Assert.All([english, russian, englishAgain], feed => Assert.Equal(0, feed.Event(Relations).Sequence));

        facts.Write("facts.yaml", FactsFiles.KazakhstanItaly.Replace("recurs: true\n    sources:", "recurs: true\n    note: Exchange of notes.\n    sources:", StringComparison.Ordinal));
        var edited = await Eventually.Get(
            () => FeedClient.ReadAsync(app, "?lang=ru"), feed => feed.Event(Relations).Description!.Contains("Exchange of notes.", StringComparison.Ordinal), "the note in the Russian feed");
        var editedEnglish = await FeedClient.ReadAsync(app);

        Assert.Equal(1, edited.Event(Relations).Sequence);
        Assert.Equal(1, editedEnglish.Event(Relations).Sequence);
    }

    [Fact]
    public async Task AnUnknownLang_Is400NamingIt()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.KazakhstanItaly);
        using var app = new CalendarApplication(facts.Path, Summer2027);

        var response = await FeedClient.GetAsync(app, "?lang=fr");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("unknown language 'fr': expected one of en, ru, kk", response.Text, StringComparison.Ordinal);
    }
}
