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

    internal static async Task<JsonDocument> GetJson(CalendarApplication app, string path)
    {
        using var client = app.CreateHttpClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
