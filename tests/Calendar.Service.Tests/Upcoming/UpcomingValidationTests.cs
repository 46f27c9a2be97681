using System.Text.Json;

namespace Calendar.Service.Tests.Upcoming;

/// <summary>Bad parameters answer 400 problem+json naming the parameter: never a 500, never a stack trace.</summary>
public class UpcomingValidationTests(UpcomingValidationTests.Host host) : IClassFixture<UpcomingValidationTests.Host>
{
    [Theory]
    [InlineData("from=2023-02-30", "from", "out of range")]
    [InlineData("from=yesterday", "from", "YYYY-MM-DD")]
    [InlineData("days=0", "days", "from 1 to 3660")]
    [InlineData("days=3661", "days", "from 1 to 3660")]
    [InlineData("days=abc", "days", "'abc'")]
    [InlineData("days=-5", "days", "'-5'")]
    [InlineData("to=2023-13-01", "to", "month 13 is out of range")]
    [InlineData("to=2023-12", "to", "a month, not a day")]
    [InlineData("from=2023-06-01&to=2023-05-31", "to", "on or after 'from'")]
    [InlineData("from=2023-06-01&days=10&to=2023-07-01", "to", "either 'days' or 'to'")]
    [InlineData("from=0000-01-01", "from", "years start at 0001")]
    [InlineData("to=0000-01-01", "to", "years start at 0001")]
    [InlineData("from=9999-12-31", "from", "9999-12-31 and the default 90 days would end after 9999-12-31, the last date served")]
    [InlineData("from=9990-01-01&days=3660", "days", "3660 days from 9990-01-01 would end after 9999-12-31")]
    [InlineData("country=XX", "country", "'XX'")]
    [InlineData("country=KZ&country=Italy", "country", "'Italy'")]
    [InlineData("kind=party", "kind", "anniversary, air-route")]
    [InlineData("jubilee=yes", "jubilee", "true or false")]
    [InlineData("contry=IT", "contry", "unknown parameter")]
    [InlineData("lang=de", "lang", "unknown language 'de': expected one of en, ru, kk")]
    [InlineData("lang=ru-RU", "lang", "unknown language 'ru-RU'")]
    public async Task BadParameter_Answers400ProblemNamingTheParameter(string query, string parameter, string message)
    {
        using var client = host.App.CreateHttpClient();

        using var response = await client.GetAsync(new Uri($"/api/events/upcoming?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = problem.RootElement.GetProperty("errors");
        var property = Assert.Single(errors.EnumerateObject());
        Assert.Equal(parameter, property.Name);
        Assert.Contains(message, property.Value[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralBadParameters_AreAllReported()
    {
        using var client = host.App.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/api/events/upcoming?from=2023-02-30&days=abc&country=XX", UriKind.Relative), TestContext.Current.CancellationToken);

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["country", "days", "from"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task UnknownPath_AnswersProblemJson404()
    {
        using var client = host.App.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public sealed class Host : IDisposable
    {
        private readonly TempFolder _facts = new();

        public Host()
        {
            _facts.Write("facts.yaml", FactsFiles.Relations());
            App = new CalendarApplication(_facts.Path);
        }

        internal CalendarApplication App { get; }

        public void Dispose()
        {
            App.Dispose();
            _facts.Dispose();
        }
    }
}
