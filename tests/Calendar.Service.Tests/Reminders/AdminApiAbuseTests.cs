using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>The admin API checks the key before it reads a body, limits bodies and fields, and slows down key guessing.</summary>
public class AdminApiAbuseTests
{
    private const string Key = "a-long-random-admin-key";

    [Fact]
    public async Task AWrongKey_IsAnswered403_BeforeTheBodyIsRead()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null).With("Calendar:AdminApiKey", Key);
        // Expect: 100-continue, as curl sends for large bodies: the body goes only once the server asks for it.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = app.BaseAddress };
        var body = new ConstantStream('{', 25_000_000);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = body.Length;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/subscriptions", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Api-Key", "wrong-key");
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, body.Position);
    }

    [Fact]
    public async Task ABodyOver64KB_Answers413_WithTheRightKey()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null).With("Calendar:AdminApiKey", Key);
        using var client = Client(app, Key);

        using var response = await client.PostAsJsonAsync("/api/subscriptions", new { email = "carol@example.org", name = new string('n', 70_000) }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{\"email\":", "email")]
    [InlineData("{\"email\":\"carol@example.org\",\"jubile\":true}", "jubile")]
    [InlineData("{\"email\":\"carol@example.org\",\"leadDays\":[1,2,3,4,5,6,7,8,9,10,11]}", "leadDays")]
    [InlineData("{\"email\":\"carol@example.org\",\"name\":\"Ca\\u0000rol\"}", "name")]
    [InlineData("{\"email\":\"carol@example.org\",\"countries\":[\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\",\"XB\"]}", "countries")]
    public async Task AMalformedOrOverlongBody_Answers400NamingWhatIsWrong(string body, string field)
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null).With("Calendar:AdminApiKey", Key);
        using var client = Client(app, Key);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/subscriptions", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(field, problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task RepeatedWrongKeys_LockOutThatClient_ButNotAnAdministratorElsewhere()
    {
        using var facts = new TempFolder();
        // Two clients behind the proxy on loopback: the guesser and the administrator.
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null)
            .With("Calendar:AdminApiKey", Key).With("Calendar:ForwardedHeaders:KnownProxies:0", "127.0.0.1");
        using var client = app.CreateHttpClient();

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            guesses.Add(await GetAsync(client, "203.0.113.66", $"guess-{i}"));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Forbidden, 10).Concat([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]), guesses);
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, "203.0.113.66", Key));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "198.51.100.1", Key));
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string from, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/subscriptions", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", from);
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static HttpClient Client(CalendarApplication app, string key)
    {
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A long body of one character, produced as it is read, so that the test holds no 25 MB buffer.</summary>
    private sealed class ConstantStream(char value, long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            buffer.AsSpan(offset, n).Fill((byte)value);
            Position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
