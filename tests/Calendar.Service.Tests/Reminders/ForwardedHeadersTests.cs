using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>
/// The form's rate limit counts per client. Behind a proxy the client is in <c>X-Forwarded-For</c>, which is
/// believed only from a configured proxy: anyone else could name a new client with every request.
/// </summary>
public class ForwardedHeadersTests
{
    [Theory]
    [InlineData("Calendar:ForwardedHeaders:KnownProxies:0", "10.20.30.40")]
    [InlineData("Calendar:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8")]
    // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true: ASP.NET Core would believe anyone; this service does not.
    [InlineData("ForwardedHeaders_Enabled", "true")]
    public async Task ASpoofedForwardedFor_FromAPeerThatIsNotAConfiguredProxy_DoesNotEscapeTheLimit(string key, string value)
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null).With(key, value);
        using var client = app.CreateHttpClient();

        var codes = await PostFromAsync(client, Enumerable.Range(1, 7).Select(i => $"203.0.113.{i}"));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Concat([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]), codes);
    }

    [Theory]
    [InlineData("Calendar:ForwardedHeaders:KnownProxies:0", "127.0.0.1")]
    [InlineData("Calendar:ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8")]
    public async Task FromAConfiguredProxy_EachForwardedClientHasItsOwnLimit(string key, string value)
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null).With(key, value);
        using var client = app.CreateHttpClient();

        var many = await PostFromAsync(client, Enumerable.Range(1, 7).Select(i => $"203.0.113.{i}"));
        // The client's own spoofed entry comes first; the proxy appends the address it saw, which is the one believed.
        var one = await PostFromAsync(client, Enumerable.Range(1, 6).Select(i => $"198.51.100.{i}, 192.0.2.7"));

        Assert.All(many, code => Assert.Equal(HttpStatusCode.Accepted, code));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Append(HttpStatusCode.TooManyRequests), one);
    }

    [Fact]
    public async Task AKnownProxyThatIsNotAnAddress_StopsTheServiceNamingIt()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Yaml);

        var (exitCode, _, error) = await ServiceProcess.RunAsync(
            facts.Path, "--urls", "http://127.0.0.1:0", $"--Calendar:FactsPath={facts.Path}", $"--Calendar:DataPath={Path.Combine(facts.Path, "data")}",
            "--Calendar:ForwardedHeaders:KnownProxies:0=proxy.example.org", "--Calendar:ForwardedHeaders:KnownNetworks:0=10.0.0.0/33");

        Assert.Equal(1, exitCode);
        Assert.Contains("Calendar:ForwardedHeaders:KnownProxies:0: 'proxy.example.org' is not an IP address", error, StringComparison.Ordinal);
        Assert.Contains("Calendar:ForwardedHeaders:KnownNetworks:0: '10.0.0.0/33' is not a network in CIDR notation", error, StringComparison.Ordinal);
    }

    private static async Task<List<HttpStatusCode>> PostFromAsync(HttpClient client, IEnumerable<string> forwardedFor)
    {
        var codes = new List<HttpStatusCode>();
        foreach (var (forwarded, index) in forwardedFor.Select((f, i) => (f, i)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/subscriptions", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent([new("email", $"visitor{index}@example.org")]),
            };
            request.Headers.Add("X-Forwarded-For", forwarded);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            codes.Add(response.StatusCode);
        }

        return codes;
    }
}
