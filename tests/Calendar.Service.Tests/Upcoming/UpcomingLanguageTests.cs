using NodaTime;

namespace Calendar.Service.Tests.Upcoming;

/// <summary><c>lang</c> on the JSON: the same events, ids and dates, worded in Russian or Kazakh.</summary>
public class UpcomingLanguageTests
{
    private static readonly Instant Summer2027 = Instant.FromUtc(2027, 8, 14, 6, 0);

    [Theory]
    [InlineData("en", "35th anniversary of diplomatic relations between Kazakhstan and Italy", "21 August 2027", "in 7 days", "Italy")]
    [InlineData("ru", "35-летие установления дипломатических отношений между Казахстаном и Италией", "21 августа 2027 года", "через 7 дней", "Италия")]
    [InlineData("kk", "Қазақстан мен Италия арасындағы дипломатиялық қатынастардың орнағанына 35 жыл", "2027 жылғы 21 тамыз", "7 күннен кейін", "Италия")]
    public async Task Lang_WordsTheTitleDateCountdownAndCountries(string lang, string title, string date, string until, string italy)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.KazakhstanItaly);
        using var app = new CalendarApplication(facts.Path, Summer2027);

        using var json = await UpcomingApiTests.GetJson(app, $"/api/events/upcoming?from=2027-08-21&days=1&lang={lang}");

        Assert.Equal(lang, json.RootElement.GetProperty("language").GetString());
        var e = Assert.Single(json.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("kz-it-relations.2027", e.GetProperty("id").GetString());
        Assert.Equal(title, e.GetProperty("title").GetString());
        Assert.Equal(date, e.GetProperty("displayDate").GetString());
        Assert.Equal(until, e.GetProperty("until").GetString());
        Assert.Equal(italy, e.GetProperty("countryNames")[1].GetString());
    }

    [Theory]
    [InlineData("ru", "В Милане открыт центр казахской культуры", "10-летие открытия центра казахской культуры в Милане", "в сентябре 2017 года")]
    [InlineData("kk", "Миланда қазақ мәдениеті орталығы ашылды", "Миландағы қазақ мәдениеті орталығының ашылғанына 10 жыл", "2017 жылғы қыркүйек")]
    [InlineData("en", "A Kazakh culture centre opens in Milan", "10th anniversary of the Kazakh culture centre in Milan", "September 2017")]
    public async Task TranslatedTitlesInTheFactsFile_AreUsed_NestedAndFlat(string lang, string eventTitle, string anniversaryTitle, string eventDate)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.KazakhstanItaly);
        using var app = new CalendarApplication(facts.Path, Summer2027);

        using var then = await UpcomingApiTests.GetJson(app, $"/api/events/upcoming?from=2017-09-01&days=30&kind=opening&lang={lang}");
        using var now = await UpcomingApiTests.GetJson(app, $"/api/events/upcoming?from=2027-09-01&days=30&kind=anniversary&lang={lang}");

        var opening = Assert.Single(then.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal(eventTitle, opening.GetProperty("title").GetString());
        Assert.Equal(eventDate, opening.GetProperty("displayDate").GetString());
        Assert.Equal(anniversaryTitle, Assert.Single(now.RootElement.GetProperty("events").EnumerateArray()).GetProperty("title").GetString());
    }
}
