using System.Text.Json;
using NodaTime;

namespace Calendar.Service.Tests.Upcoming;

public class UpcomingApiTests
{
    private static readonly Instant Midday20230601 = Instant.FromUtc(2023, 6, 1, 6, 0);

    [Fact]
    public async Task Upcoming_ReturnsTheAnniversaryWithTheContractFields()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Midday20230601);

        using var json = await GetJson(app, "/api/events/upcoming?from=2023-06-01&days=100");

        var root = json.RootElement;
        Assert.Equal("2023-06-01", root.GetProperty("from").GetString());
        Assert.Equal("2023-09-08", root.GetProperty("to").GetString());
        Assert.Equal("Asia/Almaty", root.GetProperty("timeZone").GetString());
        var e = Assert.Single(root.GetProperty("events").EnumerateArray());
        Assert.Equal("xa-xb-relations.2023", e.GetProperty("id").GetString());
        Assert.Equal("anniversary", e.GetProperty("kind").GetString());
        Assert.Equal("30th anniversary of diplomatic relations between Xanadu and Brobdingnag", e.GetProperty("title").GetString());
        Assert.Equal("2023-06-23", e.GetProperty("date").GetString());
        Assert.Equal("day", e.GetProperty("precision").GetString());
        Assert.Equal(["XA", "XB"], e.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(30, e.GetProperty("ordinal").GetInt32());
        Assert.True(e.GetProperty("jubilee").GetBoolean());
        Assert.Equal(22, e.GetProperty("daysUntil").GetInt32());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("location").ValueKind);
        var source = Assert.Single(e.GetProperty("sources").EnumerateArray());
        Assert.Equal("Test Gazette", source.GetProperty("outlet").GetString());
        Assert.Equal("2023-06-24", source.GetProperty("published").GetString());
    }

    [Fact]
    public async Task Upcoming_FiltersByCountryKindAndJubilee_AndSortsByDateThenTitle()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601);

        // The May visit (month precision) first; on 21 August, "31st ..." sorts before "35th ...".
        Assert.Equal(["xa-xb-visit", "xa-xc-relations.2027", "xa-xb-relations.2027"], await Ids(app, "from=2027-01-01&to=2027-12-31"));
        Assert.Equal(["xa-xb-visit", "xa-xc-relations.2027"], await Ids(app, "from=2027-01-01&to=2027-12-31&country=XC"));
        Assert.Equal(["xa-xb-visit", "xa-xb-relations.2027"], await Ids(app, "from=2027-01-01&to=2027-12-31&country=XB"));
        Assert.Equal(["xa-xb-visit"], await Ids(app, "from=2027-01-01&to=2027-12-31&kind=visit"));
        Assert.Equal(["xa-xc-relations.2027", "xa-xb-relations.2027"], await Ids(app, "from=2027-01-01&to=2027-12-31&kind=anniversary"));
        Assert.Equal(["xa-xb-relations.2027"], await Ids(app, "from=2027-01-01&to=2027-12-31&jubilee=true"));
        Assert.Equal(["xa-xb-visit", "xa-xc-relations.2027"], await Ids(app, "from=2027-01-01&to=2027-12-31&jubilee=false"));
        Assert.Equal(["xa-xb-visit"], await Ids(app, "from=2027-01-01&to=2027-12-31&country=XC&kind=visit"));
        Assert.Equal(["xa-xc-relations.2027", "xa-xb-relations.2027"], await Ids(app, "from=2027-01-01&to=2027-12-31&country=XB,XC&kind=relations"));
    }

    [Fact]
    public async Task Upcoming_MonthPrecisionEvent_StartsOnTheFirstAndSaysItsPrecision()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601);

        using var json = await GetJson(app, "/api/events/upcoming?from=2027-05-31&days=1");

        var visit = Assert.Single(json.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("2027-05-01", visit.GetProperty("date").GetString());
        Assert.Equal("2027-05-31", visit.GetProperty("endDate").GetString());
        Assert.Equal("month", visit.GetProperty("precision").GetString());
        Assert.Equal("May 2027", visit.GetProperty("displayDate").GetString());
        Assert.Equal(JsonValueKind.Null, visit.GetProperty("ordinal").ValueKind);
        Assert.Equal(JsonValueKind.Null, visit.GetProperty("jubilee").ValueKind);
        Assert.Equal("planned", visit.GetProperty("status").GetString());
        Assert.Equal("Xanadu City, Brobdingnag", visit.GetProperty("location").GetProperty("label").GetString());
    }

    [Theory]
    // 19:30 UTC on 29 February 2024 is already 1 March in Almaty (UTC+6 until that day).
    [InlineData("2024-02-29T19:30:00Z", "Asia/Almaty", "2024-03-01")]
    // From 1 March 2024 Kazakhstan keeps UTC+5: 18:30 UTC is 23:30, still the same day.
    [InlineData("2024-03-01T18:30:00Z", "Asia/Almaty", "2024-03-01")]
    [InlineData("2024-03-01T19:30:00Z", "Asia/Almaty", "2024-03-02")]
    [InlineData("2024-02-29T19:30:00Z", "Europe/Rome", "2024-02-29")]
    public async Task Upcoming_DefaultFrom_IsTodayInTheConfiguredZone(string utc, string zone, string today)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, NodaTime.Text.InstantPattern.General.Parse(utc).Value).With("Calendar:TimeZone", zone);

        using var json = await GetJson(app, "/api/events/upcoming");

        Assert.Equal(today, json.RootElement.GetProperty("from").GetString());
        Assert.Equal(today, json.RootElement.GetProperty("today").GetString());
        Assert.Equal(zone, json.RootElement.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Upcoming_PinnedToday_CountsDaysFromThePinnedDate()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path).With("Calendar:Today", "2023-06-13");

        using var json = await GetJson(app, "/api/events/upcoming?days=30");

        var e = Assert.Single(json.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal(10, e.GetProperty("daysUntil").GetInt32());
        Assert.Equal("2023-06-13", json.RootElement.GetProperty("from").GetString());
    }

    [Theory]
    [InlineData("from=2023-06-01&days=3660", "20", "days", "2023-06-01 to 2033-06-07")]
    [InlineData("from=2023-06-01&to=2033-06-07", "20", "to", "2023-06-01 to 2033-06-07")]
    [InlineData("from=2023-06-01&days=1000", "5", "days", "2023-06-01 to 2026-02-24")]
    public async Task ARangeThatHoldsMoreEventsThanOneAnswerGives_IsA400_NamingWhatSetItsEnd(string query, string maxEvents, string parameter, string range)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601).With("Calendar:Upcoming:MaxEvents", maxEvents);
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/api/events/upcoming?" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // Two relations a year (21 events in ten years with the visit, beyond the computed window; 6 in the window's first 1000 days).
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(error => error.Name));
        Assert.Equal(
            $"{range} holds more than the {maxEvents} events one answer gives for this selection: ask for fewer days, or name countries or kinds",
            errors.GetProperty(parameter)[0].GetString());
    }

    [Theory]
    [InlineData("from=2023-06-01&days=3660", "21", 21)]
    [InlineData("from=2023-06-01&days=3660&country=XC", "20", 11)]
    [InlineData("from=2023-06-01&days=1000", "6", 6)]
    public async Task ARangeThatHoldsNoMoreEventsThanOneAnswerGives_IsAnswered(string query, string maxEvents, int events)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601).With("Calendar:Upcoming:MaxEvents", maxEvents);

        using var json = await GetJson(app, "/api/events/upcoming?" + query);

        Assert.Equal(events, json.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpointWithDatesAsStrings()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path);

        using var json = await GetJson(app, "/openapi/v1.json");
        using var client = app.CreateHttpClient();
        using var ui = await client.GetAsync(new Uri("/docs/index.html", UriKind.Relative), TestContext.Current.CancellationToken);

        var parameters = json.RootElement.GetProperty("paths").GetProperty("/api/events/upcoming").GetProperty("get").GetProperty("parameters");
        Assert.Equal(["from", "days", "to", "country", "kind", "jubilee", "lang"], parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var localDate = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("LocalDate");
        Assert.Equal("string", localDate.GetProperty("type").GetString());
        Assert.Equal("date", localDate.GetProperty("format").GetString());
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    private static async Task<List<string>> Ids(CalendarApplication app, string query)
    {
        using var json = await GetJson(app, "/api/events/upcoming?" + query);
        return json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
    }

    internal static async Task<JsonDocument> GetJson(CalendarApplication app, string path)
    {
        using var client = app.CreateHttpClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
