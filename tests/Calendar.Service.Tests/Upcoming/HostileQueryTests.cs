using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;

namespace Calendar.Service.Tests.Upcoming;

/// <summary>
/// Generated bad queries against the real host: every answer is a 200 or a 400 naming a parameter the query
/// gave, never a 500. The range's expected validity comes from <see cref="DateTime"/>, which spans the same
/// years (0001-9999) and shares no code with the service.
/// </summary>
public class HostileQueryTests(HostileQueryTests.Host host) : IClassFixture<HostileQueryTests.Host>
{
    private static readonly DateTime Today = new(2023, 6, 1);

    private static readonly string[] Dates =
    [
        "0000-01-01", "0000-12-31", "0001-01-01", "0001-01-02", "0001-12-31", "0002-01-01", "2023-02-30", "2024-02-29",
        "9989-12-31", "9990-01-01", "9998-12-31", "9999-01-01", "9999-02-29", "9999-10-03", "9999-11-30", "9999-12-01", "9999-12-30",
        "9999-12-31", "10000-01-01", "-0001-01-01", "yesterday", "2023-6-1",
    ];

    private static readonly string[] Days = ["0", "1", "2", "31", "90", "365", "3659", "3660", "3661", "-1", "99999999999", "1.5", "0x10", "1e3"];

    public static TheoryData<string> RangeQueries()
    {
        var queries = new List<string>();
        queries.AddRange(Dates.Select(date => $"from={date}"));
        queries.AddRange(Dates.Select(date => $"to={date}"));
        queries.AddRange(Days.Select(days => $"days={days}"));
        queries.AddRange(Dates.SelectMany(date => Days.Select(days => $"from={date}&days={days}")));
        queries.AddRange(Dates.SelectMany(from => Dates.Select(to => $"from={from}&to={to}")));
        queries.AddRange(
        [
            "from=9999-12-31&days=1&to=9999-12-31", "from=2023-01-01&from=2024-01-01", "days=1&days=2", "to=2023-07-01&to=2023-08-01",
            "from=" + new string('9', 5000), "days=" + new string('1', 5000),
            "colour=red", "from=2023-06-01&Days2=1", new string('x', 3000) + "=1", "%ZZ=1", "from=%00", "jubilee=true&jubilee=false",
            "country=XA&kind=anniversary&jubilee=yes&from=9999-12-31",
        ]);
        return [.. queries];
    }

    public static TheoryData<string> FilterQueries() =>
    [
        "", "country=XA&kind=anniversary&jubilee=true", "country=XX", "country=", "country=I", "country=XAX", "country=%00",
        "country=" + new string('A', 5000), "country=" + string.Join(',', Enumerable.Repeat("XA", 1000)), "country=XA&country=QQ", "country=XA,,XB", "kind=party", "kind=", "jubilee=yes",
        "jubilee=true&jubilee=false", "from=2023-01-01", "days=5", "x=1", new string('a', 3000) + "=1", "country=X%C3%A9", "%ZZ=1",
    ];

    [Fact]
    public void TheGenerator_CoversTheQueriesOfTheIssue()
    {
        var queries = RangeQueries().Select(row => (string)row.Data).ToHashSet(StringComparer.Ordinal);

        Assert.True(queries.Count > 500, $"{queries.Count} queries");
        Assert.Subset(queries, new HashSet<string>(
            ["from=9999-12-31", "from=0000-01-01", "to=0000-01-01", "from=9999-12-01&days=1", "from=9990-01-01&days=3660"], StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RangeQueries))]
    public async Task Upcoming_AnyQuery_AnswersTheRangeOr400NamingAGivenParameter(string query)
    {
        var (response, body) = await GetAsync($"/api/events/upcoming?{query}");

        var expected = ExpectedRange(QueryHelpers.ParseQuery(query));
        if (expected is var (from, to))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
            using var answer = JsonDocument.Parse(body);
            Assert.Equal(Iso(from), answer.RootElement.GetProperty("from").GetString());
            Assert.Equal(Iso(to), answer.RootElement.GetProperty("to").GetString());
        }
        else
        {
            AssertProblemNamingAGivenParameter(query, response, body);
        }
    }

    [Theory]
    [MemberData(nameof(FilterQueries))]
    public async Task Feed_AnyFilter_AnswersTheFeedOr400NamingAGivenParameter(string query)
    {
        var (response, body) = await GetAsync($"/calendar.ics?{query}");

        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.StartsWith("BEGIN:VCALENDAR", body, StringComparison.Ordinal);
        }
        else
        {
            AssertProblemNamingAGivenParameter(query, response, body);
        }
    }

    [Theory]
    [MemberData(nameof(FilterQueries))]
    public async Task Page_AnyFilter_AnswersThePageOr400SayingWhichParameter(string query)
    {
        var (response, body) = await GetAsync($"/?{query}");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
            // The page names a parameter as its form labels it; one it does not have, as given (a long name shortened).
            Assert.Contains(QueryHelpers.ParseQuery(query).Keys, name => body.Contains($"<li>{encoder.Encode(Labels.GetValueOrDefault(name, name.Length > 40 ? name[..40] + "…" : name))}: ", StringComparison.Ordinal));
        }
    }

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["country"] = "Country", ["kind"] = "Kind", ["jubilee"] = "Jubilees", ["lang"] = "Language",
    };

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string pathAndQuery)
    {
        using var client = host.App.CreateHttpClient();
        var response = await client.GetAsync(new Uri(pathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static void AssertProblemNamingAGivenParameter(string query, HttpResponseMessage response, string body)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        var named = problem.RootElement.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToList();
        Assert.NotEmpty(named);
        Assert.Subset(QueryHelpers.ParseQuery(query).Keys.ToHashSet(StringComparer.OrdinalIgnoreCase), named.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The range the endpoint must answer, or null where the query must be refused.</summary>
    private static (DateTime From, DateTime To)? ExpectedRange(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        string[] known = ["from", "days", "to", "country", "kind", "jubilee"];
        if (query.Keys.Any(name => !known.Contains(name)) || query.Values.Any(values => values.Count > 1) ||
            query.ContainsKey("country") || query.ContainsKey("kind") || query.ContainsKey("jubilee"))
        {
            return null;
        }

        var from = Today;
        if (query.TryGetValue("from", out var fromText) && !TryDate(fromText!, out from))
        {
            return null;
        }

        if (query.TryGetValue("to", out var toText))
        {
            return !query.ContainsKey("days") && TryDate(toText!, out var to) && to >= from && (to - from).Days < 3660 ? (from, to) : null;
        }

        var days = 90;
        if (query.TryGetValue("days", out var daysText) &&
            !(int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= 3660))
        {
            return null;
        }

        return (DateTime.MaxValue.Date - from).Days >= days - 1 ? (from, from.AddDays(days - 1)) : null;
    }

    private static bool TryDate(string text, out DateTime date) =>
        DateTime.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && text.Length == 10;

    private static string Iso(DateTime date) => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>Facts at every precision, including a December one whose anniversaries reach December 9999.</summary>
    public sealed class Host : IDisposable
    {
        private readonly TempFolder _facts = new();

        public Host()
        {
            _facts.Write("facts.yaml", FactsFiles.Relations());
            _facts.Write("more.yaml", """
                facts:
                  - id: xa-xb-month
                    kind: opening
                    countries: [XA, XB]
                    date: 1994-12
                    title: Embassy opened
                    sources:
                      - title: "[Invented for tests]"
                  - id: xa-xb-year
                    kind: founding
                    countries: [XA, XB]
                    date: 1995
                    title: Society founded
                    sources:
                      - title: "[Invented for tests]"
                """);
            App = new CalendarApplication(_facts.Path, Instant.FromUtc(2023, 6, 1, 6, 0));
        }

        internal CalendarApplication App { get; }

        public void Dispose()
        {
            App.Dispose();
            _facts.Dispose();
        }
    }
}
