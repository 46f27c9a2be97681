using System.Text.Json;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

public class AdminApiTests
{
    private const string Key = "a-long-random-admin-key";

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Forbidden)]
    [InlineData("a-long-random-admin-ke", HttpStatusCode.Forbidden)]
    [InlineData(Key, HttpStatusCode.OK)]
    public async Task TheApiKey_IsRequiredAndChecked(string? given, HttpStatusCode expected)
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null).With("Calendar:AdminApiKey", Key);
        using var client = app.AdminClient(given);

        using var response = await client.GetAsync(new Uri("/api/subscriptions", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAConfiguredKey_NoKeyWorks()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.AdminClient("");
        client.DefaultRequestHeaders.Add("X-Api-Key", "anything");

        using var response = await client.GetAsync(new Uri("/api/subscriptions", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Calendar:AdminApiKey is not set", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateListUpdateDelete()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null).With("Calendar:AdminApiKey", Key);
        using var client = app.AdminClient(Key);
        var ct = TestContext.Current.CancellationToken;

        using var created = await client.PostAsJsonAsync("/api/subscriptions", new { email = "frank@example.org", name = "Frank", countries = new[] { "XC" }, leadDays = new[] { 14, 2 }, timeZone = "Asia/Tokyo", sendAt = "08:30" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct));
        var id = body.RootElement.GetProperty("id").GetInt64();
        Assert.Equal("active", body.RootElement.GetProperty("state").GetString());
        Assert.Equal([14, 2], body.RootElement.GetProperty("leadDays").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal([90, 30, 7, 1], body.RootElement.GetProperty("jubileeLeadDays").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal("08:30", body.RootElement.GetProperty("sendAt").GetString());

        using var duplicate = await client.PostAsJsonAsync("/api/subscriptions", new { email = "FRANK@example.org" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        using var updated = await client.PutAsJsonAsync($"/api/subscriptions/{id}", new { email = "frank@example.org", countries = new[] { "XB" }, timeZone = "Europe/Rome" }, ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/subscriptions", UriKind.Relative), ct));
        var frank = list.RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == id);
        Assert.Equal(["XB"], frank.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(3, list.RootElement.GetArrayLength());

        using var deleted = await client.DeleteAsync(new Uri($"/api/subscriptions/{id}", UriKind.Relative), ct);
        using var gone = await client.GetAsync(new Uri($"/api/subscriptions/{id}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task AnInvalidSubscription_Answers400NamingEachField()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null).With("Calendar:AdminApiKey", Key);
        using var client = app.AdminClient(Key);

        using var response = await client.PostAsJsonAsync("/api/subscriptions",
            new { email = "nobody", countries = new[] { "QQ" }, kinds = new[] { "party" }, leadDays = new[] { -1 }, timeZone = "Mars/Olympus", sendAt = "9am" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["countries", "email", "kinds", "leadDays", "sendAt", "timeZone"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }
}
