using System.Net.Http.Headers;

namespace Calendar.Service.Tests.Feed;

/// <summary>Polls <c>/calendar.ics</c> the way a calendar client does, over real HTTP.</summary>
internal static class FeedClient
{
    public static async Task<FeedResponse> GetAsync(
        CalendarApplication app, string query = "", Action<HttpRequestHeaders>? headers = null, HttpMethod? method = null)
    {
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri("/calendar.ics" + query, UriKind.Relative));
        headers?.Invoke(request.Headers);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return new FeedResponse(response.StatusCode, response.Headers, response.Content.Headers, body);
    }

    /// <summary>The feed as ical.js reads it, after checking that it was served.</summary>
    public static async Task<ParsedCalendar> ReadAsync(CalendarApplication app, string query = "")
    {
        var response = await GetAsync(app, query);
        Assert.True(response.Status == HttpStatusCode.OK, $"{(int)response.Status}: {response.Text}");
        return await IcalJs.ReadAsync(response.Body);
    }
}

internal sealed record FeedResponse(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public EntityTagHeaderValue ETag => Headers.ETag ?? throw new InvalidOperationException("No ETag in the response.");

    public DateTimeOffset LastModified => ContentHeaders.LastModified ?? throw new InvalidOperationException("No Last-Modified in the response.");
}
