using Calendar.Service.Tests.Feed;

namespace Calendar.Service.Tests.Replicas;

/// <summary>
/// Behind a load balancer a calendar client polls whichever replica it reaches: every replica must serve the same
/// bytes (so the same ETag), or each poll looks like a change, and a SEQUENCE must never differ or go down between them.
/// </summary>
public class ReplicaFeedTests
{
    [Fact]
    public async Task Replicas_ServeIdenticalFeedBytes_BeforeAndAfterAnEditThatRaisesASequence_AndSoDoesOneAddedLater()
    {
        await using var replicas = await ReplicaSet.CreateAsync();
        replicas.WriteFacts("facts.yaml", ReplicaFailoverTests.VisitInAWeek());
        // One after the other, as a rolling deploy brings them up: the first has served the feed for a while when
        // the second starts, and their own clocks would date the feed seconds apart.
        var first = await replicas.StartAsync("replica-a");
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(first)).Status);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        var second = await replicas.StartAsync("replica-b");

        var before = await SameFeedAsync(first, second);
        Assert.Contains("SEQUENCE:0", before.Text, StringComparison.Ordinal);

        // The visit is renamed: its one event changes, and every replica must raise its SEQUENCE alike.
        replicas.WriteFacts("facts.yaml", ReplicaFailoverTests.VisitInAWeek("Xanadu's foreign minister visits Brobdingnag and Lilliput"));
        await Eventually.Get(
            async () => (await FeedAsync(first)).ETag.Equals(before.ETag) || (await FeedAsync(second)).ETag.Equals(before.ETag),
            unchanged => !unchanged, "both replicas to serve the edited facts", TimeSpan.FromSeconds(30));
        var after = await SameFeedAsync(first, second);
        Assert.Contains("SUMMARY:Xanadu's foreign minister visits Brobdingnag and Lilliput", after.Text, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", after.Text, StringComparison.Ordinal);

        // A replica added after the edit never saw the first version, and still serves SEQUENCE 1 and the same date.
        var third = await replicas.StartAsync("replica-c");
        Assert.Equal(after.Text, (await SameFeedAsync(first, third)).Text);
    }

    /// <summary>Both replicas' feeds, asserted identical byte for byte and by ETag; the first one's.</summary>
    private static async Task<FeedResponse> SameFeedAsync(Replica first, Replica second)
    {
        var one = await FeedAsync(first);
        var other = await FeedAsync(second);
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(one.Text, other.Text);
        Assert.Equal(one.ETag, other.ETag);
        Assert.Equal(one.LastModified, other.LastModified);
        return one;
    }

    private static async Task<FeedResponse> FeedAsync(Replica replica)
    {
        using var response = await replica.Client.GetAsync(new Uri("calendar.ics", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return new FeedResponse(response.StatusCode, response.Headers, response.Content.Headers, body);
    }
}
