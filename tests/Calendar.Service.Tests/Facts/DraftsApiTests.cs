using System.Net.Http.Headers;
using System.Text.Json;

namespace Calendar.Service.Tests.Facts;

/// <summary><c>POST /api/facts/drafts</c>: the same drafts as <c>extract</c>, for administrators only, with limits on what it reads.</summary>
public class DraftsApiTests
{
    private const string Key = "a-long-random-admin-key";

    private static readonly object Article = new
    {
        text = "Today Xanadu and Brobdingnag mark the 30th anniversary of the establishment of diplomatic relations.\n\nThe fourth round of consultations will be held on August 22, 2023.",
        published = "2022-10-20",
        outlet = "Test Gazette",
        title = "[Invented] 30 years",
        home = "XA",
    };

    [Fact]
    public async Task Drafts_AnswerTheDraftsWithTheirEvidence_AndTheYamlToPaste()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations(date: "1992-10-20"));
        using var app = new CalendarApplication(facts.Path).With("Calendar:AdminApiKey", Key);
        using var client = Client(app, Key);

        using var response = await client.PostAsJsonAsync("/api/facts/drafts", Article, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var drafts = body.RootElement.GetProperty("drafts").EnumerateArray().ToList();
        Assert.Equal(2, body.RootElement.GetProperty("count").GetInt32());
        var relations = drafts.Single(d => d.GetProperty("fact").GetProperty("kind").GetString() == "relations");
        Assert.True(relations.GetProperty("draft").GetBoolean());
        Assert.Equal("1992-10-20", relations.GetProperty("fact").GetProperty("date").GetString());
        Assert.Equal("xa-xb-relations", relations.GetProperty("sameAs").GetString());
        Assert.Equal("Today Xanadu and Brobdingnag mark the 30th anniversary of the establishment of diplomatic relations.", relations.GetProperty("evidence").GetProperty("sentence").GetString());
        var round = drafts.Single(d => d.GetProperty("fact").GetProperty("kind").GetString() == "consultations");
        Assert.Equal((102, 3), (round.GetProperty("evidence").GetProperty("offset").GetInt32(), round.GetProperty("evidence").GetProperty("line").GetInt32()));
        Assert.Equal("scheduled", round.GetProperty("fact").GetProperty("status").GetString());
        Assert.Contains("  draft: true\n", body.RootElement.GetProperty("yaml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_WithoutTheAdminKey_AreRefused()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path).With("Calendar:AdminApiKey", Key);
        using var client = app.CreateHttpClient();

        using var response = await client.PostAsJsonAsync("/api/facts/drafts", Article, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"text\":\"Xanadu.\"}", "published")]
    [InlineData("{\"text\":\"Xanadu.\",\"published\":\"2022-10-20\",\"home\":\"Xanadu\"}", "home")]
    [InlineData("{\"published\":\"2022-10-20\"}", "text")]
    public async Task Drafts_WithABadField_Answer400NamingIt(string json, string field)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path).With("Calendar:AdminApiKey", Key);
        using var client = Client(app, Key);
        using var content = new StringContent(json, new MediaTypeHeaderValue("application/json"));

        using var response = await client.PostAsync("/api/facts/drafts", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), body.RootElement.ToString());
    }

    [Fact]
    public async Task Drafts_AnUnknownField_OrATextOverTheLimit_AreRefused()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path).With("Calendar:AdminApiKey", Key);
        using var client = Client(app, Key);

        using var unknown = await client.PostAsJsonAsync("/api/facts/drafts", new { text = "Xanadu.", published = "2022-10-20", publised = "x" }, TestContext.Current.CancellationToken);
        using var tooLong = await client.PostAsJsonAsync("/api/facts/drafts", new { text = new string('x', 50_001), published = "2022-10-20" }, TestContext.Current.CancellationToken);
        using var tooLarge = await client.PostAsJsonAsync("/api/facts/drafts", new { text = new string('x', 300_000), published = "2022-10-20" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("publised", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 50000 are read", await tooLong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    private static HttpClient Client(CalendarApplication app, string key)
    {
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
