using System.Text.Json;
using System.Text.RegularExpressions;
using Calendar.Service.Subscriptions;
using Calendar.Service.Tests.Storage;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary><c>GET /api/subscriptions</c> comes a page at a time: <c>after</c> an id, at most <c>limit</c>, and <c>Link: rel="next"</c> while there may be more.</summary>
public partial class AdminApiPagesTests
{
    private const string Key = "a-long-random-admin-key";

    /// <summary>Where the client starts, how many subscribers there are besides Alice and Bob, the pages it gets, the limit its links keep.</summary>
    public static TheoryData<string, string, int, int[], int> Pages => new()
    {
        // 250 subscriptions, 100 at a time, on both engines.
        { "Sqlite", "/api/subscriptions?limit=100", 248, [100, 100, 50], 100 },
        { "Postgres", "/api/subscriptions?limit=100", 248, [100, 100, 50], 100 },
        // No limit: 100.
        { "Sqlite", "/api/subscriptions", 99, [100, 1], 100 },
        // The caller's limit, kept; a full last page leads to an empty one, which has no link.
        { "Sqlite", "/api/subscriptions?limit=1", 0, [1, 1, 0], 1 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task FollowingTheNextLinks_YieldsEverySubscriptionOnce_InIdOrder_LimitAtATime(string provider, string first, int more, int[] sizes, int limit)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var facts = new TempFolder();
        using var app = test.On(Host(facts, WeekAhead, smtpPort: null)).With("Calendar:AdminApiKey", Key);
        var expected = Subscribers(app, more);
        using var client = app.AdminClient(Key);

        var pages = await FollowAsync(client, first);

        Assert.Equal(sizes, pages.Select(page => page.Ids.Length));
        Assert.Equal(expected, pages.SelectMany(page => page.Ids));
        // Every page but the last links to the page after its last id.
        Assert.Equal(
            [.. pages.SkipLast(1).Select(page => $"</api/subscriptions?after={page.Ids[^1]}&limit={limit}>; rel=\"next\""), null],
            pages.Select(page => page.Link));
    }

    [Theory]
    [InlineData("limit=0", "limit", "'0' must be a whole number of subscriptions from 1 to 1000")]
    [InlineData("limit=1001", "limit", "'1001' must be a whole number of subscriptions from 1 to 1000")]
    [InlineData("limit=abc", "limit", "'abc' must be a whole number of subscriptions from 1 to 1000")]
    [InlineData("after=-1", "after", "'-1' must be a whole number, 0 or more: the id the page starts after")]
    [InlineData("after=1&page=2", "page", "unknown parameter; expected: after, limit")]
    public async Task ABadParameter_Answers400NamingIt_AndItsRange(string query, string parameter, string message)
    {
        using var facts = new TempFolder();
        using var app = Host(facts, WeekAhead, smtpPort: null).With("Calendar:AdminApiKey", Key);
        using var client = app.AdminClient(Key);

        using var response = await client.GetAsync(new Uri($"/api/subscriptions?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateObject());
        Assert.Equal((parameter, message), (error.Name, Assert.Single(error.Value.EnumerateArray()).GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachPageShowsTheDeliveriesOfItsOwnSubscriptions(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var facts = new TempFolder();
        // Bob follows Brobdingnag and is reminded of its 35th anniversary with Xanadu; Alice follows Lilliput, owed nothing today.
        using var app = test.On(Host(facts, WeekAhead, smtpPort: null)).With("Calendar:AdminApiKey", Key)
            .With("Calendar:Subscriptions:0:Countries:0", "XC").With("Calendar:Subscriptions:1:Countries:0", "XB");
        Assert.Equal(1, (await app.DispatchAsync()).Sent);
        using var client = app.AdminClient(Key);
        var sentAt = SubscriptionStore.Stamp(WeekAhead);

        var pages = await FollowAsync(client, "/api/subscriptions?limit=1");

        Assert.Equal(
            [("alice@example.org", 0, 0, null), ("bob@example.org", 1, 0, sentAt)],
            pages.Take(2).Select(page => Deliveries(Assert.Single(page.Subscriptions))));
        using var bob = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/subscriptions/{pages[1].Ids.Single()}", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal(("bob@example.org", 1, 0, sentAt), Deliveries(bob.RootElement));
    }

    [Fact]
    public async Task OpenApi_SaysTheListIsPaged_AndHow()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, WeekAhead, smtpPort: null);
        using var client = app.CreateHttpClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken));

        var list = document.RootElement.GetProperty("paths").GetProperty("/api/subscriptions").GetProperty("get");
        Assert.Equal(["after", "limit"], list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("The subscriptions, a page at a time, with how their deliveries went", list.GetProperty("summary").GetString());
        Assert.Contains("at most `limit` of them (1 to 1000; default 100)", list.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("`</api/subscriptions?after={last id}&limit={limit}>; rel=\"next\"`", list.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Adds <paramref name="count"/> subscribers to the two of the host's configuration; every id, in order.</summary>
    private static long[] Subscribers(CalendarApplication app, int count)
    {
        var store = app.Get<SubscriptionStore>();
        var added = Enumerable.Range(0, count).Select(i => store.Add(InRome($"reader{i}@example.org"), WeekAhead)!.Id);
        return [.. new[] { "alice@example.org", "bob@example.org" }.Select(email => store.FindByEmail(email)!.Id).Concat(added).Order()];
    }

    /// <summary>The pages from <paramref name="first"/> on, each link resolved against the address that answered it (RFC 8288, 3.1).</summary>
    private static async Task<List<Page>> FollowAsync(HttpClient client, string first)
    {
        var pages = new List<Page>();
        for (Uri? next = new(client.BaseAddress!, first); next is not null;)
        {
            using var response = await client.GetAsync(next, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var link = response.Headers.TryGetValues("Link", out var values) ? Assert.Single(values) : null;
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            pages.Add(new Page([.. body.RootElement.EnumerateArray().Select(s => s.Clone())], link));
            next = link is null ? null : new Uri(next, NextTarget().Match(link) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"Not a rel=\"next\" link: {link}"));
            Assert.True(pages.Count <= 10, "the links go round in circles");
        }

        return pages;
    }

    private static (string?, int, int, string?) Deliveries(JsonElement subscription)
    {
        var deliveries = subscription.GetProperty("deliveries");
        return (subscription.GetProperty("email").GetString(), deliveries.GetProperty("sent").GetInt32(), deliveries.GetProperty("failing").GetInt32(), deliveries.GetProperty("lastSentAt").GetString());
    }

    [GeneratedRegex("^<([^>]*)>; rel=\"next\"$")]
    private static partial Regex NextTarget();

    private sealed record Page(JsonElement[] Subscriptions, string? Link)
    {
        public long[] Ids => [.. Subscriptions.Select(s => s.GetProperty("id").GetInt64())];
    }
}
