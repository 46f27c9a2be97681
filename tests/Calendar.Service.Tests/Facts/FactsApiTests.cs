using System.Text.Json;
using Calendar.Core;
using Calendar.Service.Facts;
using Calendar.Service.Timeline;
using NodaTime;
using static Calendar.Service.Tests.Upcoming.UpcomingApiTests;

namespace Calendar.Service.Tests.Facts;

/// <summary><c>GET /api/facts</c>: the facts with their sources, all of them or those of some countries, as a client that polls them meets them.</summary>
public class FactsApiTests
{
    private static readonly Instant Midday20230601 = Instant.FromUtc(2023, 6, 1, 6, 0);

    [Fact]
    public async Task Facts_ListsEachFactAtItsOwnPrecisionWithSources()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601);

        using var json = await GetJson(app, "/api/facts");

        var byId = json.RootElement.GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(3, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal("2027-05", byId["xa-xb-visit"].GetProperty("date").GetString());
        Assert.Equal("planned", byId["xa-xb-visit"].GetProperty("status").GetString());
        Assert.Equal("Invented on purpose", byId["xa-xb-visit"].GetProperty("derived").GetString());
        Assert.Equal("Test Gazette", byId["xa-xb-relations"].GetProperty("sources")[0].GetProperty("outlet").GetString());
    }

    [Theory]
    [InlineData("country=XC", new[] { "xa-xc-relations", "xa-xb-visit" })]
    [InlineData("country=XB&country=XC", new[] { "xa-xb-relations", "xa-xc-relations", "xa-xb-visit" })]
    [InlineData("country=XB,XC", new[] { "xa-xb-relations", "xa-xc-relations", "xa-xb-visit" })]
    [InlineData("country=XA", new[] { "xa-xb-relations", "xa-xc-relations", "xa-xb-visit" })]
    public async Task FactsOfSomeCountries_AreThoseThatNameAnyOfThem_InDateOrder(string query, string[] expected)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601);

        using var json = await GetJson(app, "/api/facts?" + query);

        Assert.Equal(expected, json.RootElement.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(expected.Length, json.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task AnUnknownCountryOrParameter_IsA400ThatNamesIt()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601);
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/api/facts?country=XB,XX&kind=visit", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = json.RootElement.GetProperty("errors");
        Assert.Contains("'XX' is not a known ISO 3166-1 alpha-2 country code", errors.GetProperty("country")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("unknown parameter", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskedAgainWithTheirETag_TheFactsAnswer304_UntilAnEditChangesThem()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601);
        using var client = app.CreateHttpClient();
        using var first = await client.GetAsync(new Uri("/api/facts?country=XC", UriKind.Relative), TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag ?? throw new InvalidOperationException("No ETag on the answer.");

        using var unchanged = await RevalidateAsync(client, etag);
        facts.Write("facts.yaml", FactsFiles.Mixed.Replace("title: A visit", "title: A state visit", StringComparison.Ordinal));
        app.Get<CalendarRefresher>().Refresh();
        using var edited = await RevalidateAsync(client, etag);

        Assert.False(etag.IsWeak);
        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.NotEqual(etag, edited.Headers.ETag);
        Assert.Contains("A state visit", await edited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameQuestion_IsSerializedOncePerFactsVersion()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Mixed);
        using var app = new CalendarApplication(facts.Path, Midday20230601);
        var answers = app.Get<FactsAnswers>();
        var state = app.Get<CalendarState>();
        var xc = new HashSet<CountryCode> { CountryCode.Parse("XC") };

        var first = answers.Get(state.Current, xc);
        var again = answers.Get(state.Current, new HashSet<CountryCode> { CountryCode.Parse("XC") });
        var everything = answers.Get(state.Current, new HashSet<CountryCode>());
        facts.Write("facts.yaml", FactsFiles.Mixed.Replace("title: A visit", "title: A state visit", StringComparison.Ordinal));
        app.Get<CalendarRefresher>().Refresh();
        var afterTheEdit = answers.Get(state.Current, xc);

        Assert.Same(first, again);
        Assert.NotSame(first, everything);
        Assert.NotSame(first, afterTheEdit);
        Assert.NotEqual(first.ETag, afterTheEdit.ETag);
    }

    private static async Task<HttpResponseMessage> RevalidateAsync(HttpClient client, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/facts?country=XC", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
