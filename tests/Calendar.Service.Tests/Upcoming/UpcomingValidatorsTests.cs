using Calendar.Service.Timeline;
using NodaTime;

namespace Calendar.Service.Tests.Upcoming;

/// <summary>Answers as a polling dashboard meets them: the same bytes with a strong ETag, 304 while nothing changed.</summary>
public class UpcomingValidatorsTests
{
    private const string Path = "/api/events/upcoming?country=XA&days=365";

    [Fact]
    public async Task TheSameQuestion_GetsTheSameBytesAndETag_AndIfNoneMatchAnswers304WithoutABody()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2023, 6, 1, 6, 0));
        using var client = app.CreateHttpClient();

        using var first = await client.GetAsync(new Uri(Path, UriKind.Relative), TestContext.Current.CancellationToken);
        using var second = await client.GetAsync(new Uri(Path, UriKind.Relative), TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag ?? throw new InvalidOperationException("No ETag on the answer.");
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, new Uri(Path, UriKind.Relative));
        revalidation.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(revalidation, TestContext.Current.CancellationToken);

        Assert.False(etag.IsWeak);
        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ANewDay_AnswersAnew_WithItsOwnDaysUntilAndETag()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2023, 6, 1, 6, 0));
        using var client = app.CreateHttpClient();
        using var before = await client.GetAsync(new Uri(Path, UriKind.Relative), TestContext.Current.CancellationToken);

        app.Clock.Advance(Duration.FromDays(1));
        app.Get<CalendarRefresher>().Refresh();
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, new Uri(Path, UriKind.Relative));
        revalidation.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(revalidation, TestContext.Current.CancellationToken);
        using var json = System.Text.Json.JsonDocument.Parse(await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal("2023-06-02", json.RootElement.GetProperty("today").GetString());
        Assert.Equal(21, json.RootElement.GetProperty("events")[0].GetProperty("daysUntil").GetInt32());
    }
}
