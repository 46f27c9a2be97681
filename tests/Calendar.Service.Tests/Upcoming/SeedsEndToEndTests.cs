using System.Text.Json;

namespace Calendar.Service.Tests.Upcoming;

/// <summary>The repository's seeds, served by the real host: what a newcomer sees after cloning.</summary>
public class SeedsEndToEndTests(SeedsEndToEndTests.Host host) : IClassFixture<SeedsEndToEndTests.Host>
{
    [Fact]
    public async Task From20230601For100Days_HasTheArgentinaJubileeAndTheBuenosAiresConsultations()
    {
        var events = await Events("from=2023-06-01&days=100");

        var anniversary = Assert.Single(events, e => e.GetProperty("id").GetString() == "kz-ar-relations.2023");
        Assert.Equal("30th anniversary of diplomatic relations between Kazakhstan and Argentina", anniversary.GetProperty("title").GetString());
        Assert.Equal("2023-06-23", anniversary.GetProperty("date").GetString());
        Assert.Equal(30, anniversary.GetProperty("ordinal").GetInt32());
        Assert.True(anniversary.GetProperty("jubilee").GetBoolean());
        Assert.Equal(["KZ", "AR"], anniversary.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));

        var consultations = Assert.Single(events, e => e.GetProperty("date").GetString() == "2023-08-22" && e.GetProperty("kind").GetString() == "consultations");
        Assert.Equal("Buenos Aires", consultations.GetProperty("location").GetProperty("city").GetString());
        Assert.Equal("AR", consultations.GetProperty("location").GetProperty("country").GetString());
        Assert.Equal(JsonValueKind.Null, consultations.GetProperty("ordinal").ValueKind);
        Assert.Contains("Kazinform", consultations.GetProperty("sources")[0].GetProperty("outlet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task From20261122ForAYear_HasThe35thAnniversariesWithLuxembourgItalyAndSlovenia()
    {
        var events = await Events("from=2026-11-22&days=365&jubilee=true&kind=relations");

        var found = events.Select(e => (e.GetProperty("date").GetString(), e.GetProperty("title").GetString())).ToList();
        Assert.Equal(
        [
            ("2027-06-29", "35th anniversary of diplomatic relations between Kazakhstan and Luxembourg"),
            ("2027-08-21", "35th anniversary of diplomatic relations between Kazakhstan and Italy"),
            ("2027-10-20", "35th anniversary of diplomatic relations between Kazakhstan and Slovenia"),
        ], found);
    }

    [Fact]
    public async Task EveryEvent_HasASourceWithAnOutletAndADate()
    {
        var events = await Events("from=2020-01-01&days=3660");

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.All(e.GetProperty("sources").EnumerateArray(), source =>
        {
            Assert.False(string.IsNullOrWhiteSpace(source.GetProperty("outlet").GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", source.GetProperty("published").GetString());
        }));
    }

    private async Task<List<JsonElement>> Events(string query)
    {
        using var json = await UpcomingApiTests.GetJson(host.App, "/api/events/upcoming?" + query);
        return json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    public sealed class Host : IDisposable
    {
        internal CalendarApplication App { get; } = new();

        public void Dispose() => App.Dispose();
    }
}
