using System.Text.Json;
using Calendar.Service.Timeline;
using Calendar.Service.Tests.Upcoming;
using NodaTime;

namespace Calendar.Service.Tests.Timeline;

/// <summary>Facts edits are picked up without a restart; an invalid edit never replaces good facts.</summary>
public class HotReloadTests
{
    private static readonly Instant Now = Instant.FromUtc(2023, 6, 1, 6, 0);

    [Fact]
    public async Task EditingAFactsFile_ChangesWhatTheEndpointAnswers()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations(date: "1993-06-23"));
        using var app = new CalendarApplication(facts.Path, Now);
        Assert.Equal("2023-06-23", await FirstDate(app));

        facts.Write("facts.yaml", FactsFiles.Relations(date: "1993-07-02"));

        await Eventually.Get(() => FirstDate(app), date => date == "2023-07-02", "the edited date to be served");
    }

    [Fact]
    public async Task AnInvalidEdit_KeepsTheLastGoodFactsAndHealthNamesTheFileAndLine()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations(date: "1993-06-23"));
        using var app = new CalendarApplication(facts.Path, Now);
        Assert.Equal("2023-06-23", await FirstDate(app));

        facts.Write("facts.yaml", FactsFiles.Relations(date: "1993-02-30"));

        using var health = await Eventually.Get(() => Health(app), h => h.RootElement.GetProperty("status").GetString() == "Degraded", "health to report the rejected edit");
        var check = health.RootElement.GetProperty("checks").GetProperty("facts");
        var error = Assert.Single(check.GetProperty("data").GetProperty("errors").EnumerateArray()).GetString();
        Assert.Matches(@"facts\.yaml:8: facts\[0\]\.date: '1993-02-30' is not a date", error);
        Assert.Equal("2023-06-23", await FirstDate(app));

        facts.Write("facts.yaml", FactsFiles.Relations(date: "1993-06-24"));

        await Eventually.Get(() => FirstDate(app), date => date == "2023-06-24", "the fixed facts to be served");
        using var healed = await Health(app);
        Assert.Equal("Healthy", healed.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AddingAFile_AddsItsFacts()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Now);
        var state = app.Get<CalendarState>();

        facts.Write("more/relations.csv", "country_a,country_b,established,source_title,source_url\nKZ,IT,1992-08-21,Protocol,\n");

        await Eventually.Get(() => state.Current.Facts.Facts.Count, count => count == 2, "the CSV facts to be loaded");
    }

    /// <summary>The first event's date from 1 June 2023 for 60 days: the relations' anniversary in the test facts.</summary>
    internal static async Task<string?> FirstDate(CalendarApplication app)
    {
        using var json = await UpcomingApiTests.GetJson(app, "/api/events/upcoming?from=2023-06-01&days=60");
        return json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("date").GetString()).FirstOrDefault();
    }

    internal static async Task<JsonDocument> Health(CalendarApplication app) => await UpcomingApiTests.GetJson(app, "/health");
}
