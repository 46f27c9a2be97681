using Calendar.Service.Timeline;
using Calendar.Service.Tests.Upcoming;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Service.Tests.Feed;

/// <summary>The seeded facts, as a subscriber's calendar app (ical.js) reads them on 1 June 2023.</summary>
public class SeedsFeedTests(SeedsFeedTests.Host host) : IClassFixture<SeedsFeedTests.Host>
{
    [Fact]
    public async Task TheArgentinaJubilee_IsAnAllDayConfirmedTransparentEvent()
    {
        var feed = await FeedClient.ReadAsync(host.App);

        var jubilee = feed.Event("kz-ar-relations.2023@calendar.local");
        Assert.Equal("30th anniversary of diplomatic relations, Kazakhstan – Argentina", jubilee.Summary);
        Assert.Equal(("2023-06-23", "2023-06-24", true), (jubilee.Start, jubilee.End, jubilee.IsDate));
        Assert.Equal("CONFIRMED", jubilee.Status);
        Assert.Equal("TRANSPARENT", jubilee.Transparency);
        Assert.Equal(["anniversary", "relations", "jubilee"], jubilee.Categories);
        Assert.Null(jubilee.Location);
        Assert.Contains("Anniversary of: Diplomatic relations established between Kazakhstan and Argentina, 23 June 1993", jubilee.Description);
        Assert.Contains("Source: Kazinform, 24 June 2023, on the 30th anniversary of diplomatic relations between Kazakhstan and Argentina", jubilee.Description);
        Assert.Contains("Jubilee: 30th anniversary", jubilee.Description);
    }

    [Fact]
    public async Task TheConsultationsInBuenosAires_HaveTheirPlaceParticipantsAndSource()
    {
        var feed = await FeedClient.ReadAsync(host.App);

        var consultations = feed.Event("kz-ar-consultations-4@calendar.local");
        Assert.Equal("Fourth round of Kazakhstan–Argentina inter-ministerial consultations, Kazakhstan – Argentina", consultations.Summary);
        Assert.Equal(("2023-08-22", "2023-08-23"), (consultations.Start, consultations.End));
        Assert.Equal("Buenos Aires, Argentina", consultations.Location);
        Assert.Equal(["consultations"], consultations.Categories);
        // Scheduled with a firm date: confirmed. Only "planned" is tentative.
        Assert.Equal("CONFIRMED", consultations.Status);
        Assert.Contains("Participant: Kairat Umarov", consultations.Description);
    }

    [Fact]
    public async Task AMonthPrecisionVisit_SpansItsMonth_AndSaysTheDayIsNotKnown()
    {
        var feed = await FeedClient.ReadAsync(host.App);

        var visit = feed.Event("kz-ar-visit-umarov-2023@calendar.local");
        Assert.Equal(("2023-08-01", "2023-09-01", true), (visit.Start, visit.End, visit.IsDate));
        Assert.Equal(
            "Working visit of Kazakhstan's First Deputy Foreign Minister to Argentina, Kazakhstan – Argentina (August 2023, day not known)",
            visit.Summary);
        Assert.Contains("Date: August 2023, day not known", visit.Description);
    }

    [Theory]
    [InlineData("kz-lu-relations.2027", "2027-06-29", "Luxembourg")]
    [InlineData("kz-it-relations.2027", "2027-08-21", "Italy")]
    [InlineData("kz-si-relations.2027", "2027-10-20", "Slovenia")]
    public async Task The35thAnniversaries_AreInTheFeed(string id, string date, string partner)
    {
        var feed = await FeedClient.ReadAsync(host.App);

        var anniversary = feed.Event($"{id}@calendar.local");
        Assert.Equal($"35th anniversary of diplomatic relations, Kazakhstan – {partner}", anniversary.Summary);
        Assert.Equal(date, anniversary.Start);
        Assert.Contains("jubilee", anniversary.Categories);
    }

    [Fact]
    public async Task YearPrecisionFacts_AreLeftOutOfTheFeed_ButOnTheEndpoint()
    {
        var feed = await FeedClient.ReadAsync(host.App);

        // A 2024 signing known only to the year, and the 2009 partnership's anniversaries (also year-only).
        Assert.DoesNotContain(feed.Events, e => e.Uid.StartsWith("kz-es-air-services-signing", StringComparison.Ordinal));
        Assert.DoesNotContain(feed.Events, e => e.Uid.StartsWith("kz-it-strategic-partnership", StringComparison.Ordinal));
        using var json = await UpcomingApiTests.GetJson(host.App, "/api/events/upcoming?from=2024-01-01&to=2024-12-31");
        var ids = json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Contains("kz-es-air-services-signing", ids);
        Assert.Contains("kz-it-strategic-partnership.2024", ids);
    }

    [Fact]
    public async Task EveryEvent_IsAllDay_StampedWithTheFactsVersion_WithAUniqueUid()
    {
        var feed = await FeedClient.ReadAsync(host.App);
        var stamp = InstantPattern.General.Format(host.App.Get<CalendarState>().Current.Version.LastModified);

        Assert.NotEmpty(feed.Events);
        Assert.Equal(feed.Events.Count, feed.Events.Select(e => e.Uid).Distinct().Count());
        Assert.All(feed.Events, e =>
        {
            Assert.EndsWith("@calendar.local", e.Uid, StringComparison.Ordinal);
            Assert.True(e.IsDate, e.Uid);
            Assert.True(string.CompareOrdinal(e.End, e.Start) > 0, e.Uid);
            Assert.Equal(("TRANSPARENT", 0), (e.Transparency, e.Sequence));
            Assert.Equal((stamp, stamp), (e.Dtstamp, e.LastModified));
        });
        // The horizon: whole years, from 1 January 2022 to 31 December 2028 (five years on).
        Assert.All(feed.Events, e => Assert.InRange(LocalDatePattern.Iso.Parse(e.Start).Value.Year, 2022, 2028));
        Assert.Contains(feed.Events, e => e.Start.StartsWith("2022-", StringComparison.Ordinal));
        Assert.Contains(feed.Events, e => e.Start.StartsWith("2028-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCalendar_IsNamedAndAsksToBeRefreshed()
    {
        var feed = await FeedClient.ReadAsync(host.App);

        Assert.Equal("Diplomatic anniversaries", feed.Properties["name"]);
        Assert.Equal("Diplomatic anniversaries", feed.Properties["x-wr-calname"]);
        Assert.Equal("-//Diplomatic Anniversary Calendar//Feed 1.0//EN", feed.Properties["prodid"]);
        Assert.Equal("2.0", feed.Properties["version"]);
        // A plain calendar, not an iTIP message: no METHOD.
        Assert.Null(feed.Properties["method"]);
        Assert.Equal(("PT12H", "PT12H"), (feed.Properties["refresh-interval"], feed.Properties["x-published-ttl"]));
    }

    [Theory]
    [InlineData("?country=IT", "Diplomatic anniversaries — Italy")]
    [InlineData("?country=it,lu", "Diplomatic anniversaries — Italy and Luxembourg")]
    [InlineData("?jubilee=true", "Diplomatic anniversaries — jubilees only")]
    [InlineData("?kind=consultations&country=AR", "Diplomatic anniversaries — Argentina · consultations")]
    [InlineData("?kind=visit&jubilee=false", "Diplomatic anniversaries — visits · except jubilees")]
    public async Task AFilteredFeed_SaysWhatIsInIt(string query, string name)
    {
        var feed = await FeedClient.ReadAsync(host.App, query);

        Assert.Equal(name, feed.Properties["name"]);
        Assert.Equal(name, feed.Properties["x-wr-calname"]);
    }

    [Fact]
    public async Task Filters_SelectEventsWithTheSameUidsAsTheFullFeed()
    {
        var all = (await FeedClient.ReadAsync(host.App)).Events.ToDictionary(e => e.Uid);
        var italy = await FeedClient.ReadAsync(host.App, "?country=IT");
        var jubilees = await FeedClient.ReadAsync(host.App, "?jubilee=true");
        var consultations = await FeedClient.ReadAsync(host.App, "?kind=consultations");

        Assert.All(italy.Events, e => Assert.EndsWith("Kazakhstan – Italy", e.Summary.Split(" (")[0], StringComparison.Ordinal));
        Assert.Contains(italy.Events, e => e.Uid == "kz-it-relations.2027@calendar.local");
        Assert.All(jubilees.Events, e => Assert.Contains("jubilee", e.Categories));
        Assert.Equal(["kz-ar-consultations-3@calendar.local", "kz-ar-consultations-4@calendar.local"], consultations.Events.Select(e => e.Uid));
        // The same event in any feed: same UID, same content, so a client holding two subscriptions sees one event.
        Assert.All(italy.Events.Concat(jubilees.Events).Concat(consultations.Events), e => Assert.Equal(Json(all[e.Uid]), Json(e)));
    }

    [Theory]
    [InlineData("?country=QQ", "country")]
    [InlineData("?kind=party", "kind")]
    [InlineData("?jubilee=maybe", "jubilee")]
    [InlineData("?contry=IT", "contry")]
    public async Task ABadFilter_Answers400NamingTheParameter(string query, string parameter)
    {
        var response = await FeedClient.GetAsync(host.App, query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentHeaders.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(response.Body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), response.Text);
    }

    private static string Json(ParsedEvent e) => System.Text.Json.JsonSerializer.Serialize(e);

    /// <summary>One host for the class: these tests only read.</summary>
    public sealed class Host : IDisposable
    {
        // Midday in Almaty on 1 June 2023: the horizon is 2022 to 2028.
        internal CalendarApplication App { get; } = new(now: Instant.FromUtc(2023, 6, 1, 6, 0));

        public void Dispose() => App.Dispose();
    }
}

