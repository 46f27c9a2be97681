using System.Globalization;
using Calendar.Service.Tests.Reminders;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Service.Tests.Replicas;

/// <summary>
/// Two replicas on one PostgreSQL database send each subscriber's digest once, even when the one sending dies
/// mid-batch: the other takes over, and nothing more goes out after both restart.
/// </summary>
public class ReplicaFailoverTests
{
    private const int Subscribers = 300;

    // 40 ms a message: a batch of 300 lasts about twelve seconds, long enough to stop its sender in the middle.
    private static readonly TimeSpan DelayPerMessage = TimeSpan.FromMilliseconds(40);

    [Fact]
    public async Task KillingTheSendingReplicaMidBatch_EverySubscriberGetsTheirDigest_AtMostOneTwice_AndNothingMoreAfterBothRestart()
    {
        using var smtp = new ScriptedSmtpServer { DelayPerMessage = DelayPerMessage };
        await using var replicas = await BatchAsync(smtp);
        var started = await replicas.StartAllAsync("replica-a", "replica-b");
        var sender = await SenderMidBatchAsync(smtp, started);

        sender.Kill();
        var atKill = smtp.Received.Count;
        Assert.InRange(atKill, 50, Subscribers - 50);
        var survivor = started.Single(replica => replica != sender);

        // The survivor writes the dead node off, takes the run over, and (once the dead node's claim lapses) finishes it.
        await Eventually.Get(() => Recipients(smtp).Count, count => count == Subscribers, "every subscriber to get a digest", TimeSpan.FromSeconds(90));
        var killedNodes = smtp.Received.Take(atKill).Select(delivery => delivery.Connection).ToHashSet();
        Assert.Contains(smtp.Received.Skip(atKill), delivery => !killedNodes.Contains(delivery.Connection));

        // A subscriber added now is sent to by a run that starts after the claim lapsed: when theirs arrives, that run is over.
        await AddSubscriberAsync(survivor, "canary-1@example.org");
        await Eventually.Get(() => smtp.Received.Count(d => d.Recipient == "canary-1@example.org"), n => n == 1, "the first canary's digest", TimeSpan.FromSeconds(60));
        var settled = smtp.Received.Count;

        // Both restart: the killed one, and the survivor stopped as a deploy stops it.
        await survivor.StopAsync();
        var restarted = await replicas.StartAllAsync("replica-a", "replica-b");
        await AddSubscriberAsync(restarted[0], "canary-2@example.org");
        await Eventually.Get(() => smtp.Received.Count(d => d.Recipient == "canary-2@example.org"), n => n == 1, "the second canary's digest", TimeSpan.FromSeconds(60));

        var afterRestart = smtp.Received.Skip(settled).ToList();
        Assert.True(afterRestart.Count == 1, $"Sent after both restarted: {string.Join(", ", afterRestart)}; before: {string.Join(", ", smtp.Received.Where(d => afterRestart.Any(a => a.Recipient == d.Recipient)))}");
        AssertEverySubscriberOnce_ButAtMostOneTwice(smtp);
    }

    [Fact]
    public async Task StoppingTheSendingReplicaMidBatch_AsADeployDoes_HandsTheRunToTheOther_WhichFinishesIt_NobodyTwice()
    {
        using var smtp = new ScriptedSmtpServer { DelayPerMessage = DelayPerMessage };
        await using var replicas = await BatchAsync(smtp);
        var started = await replicas.StartAllAsync("replica-a", "replica-b");
        var sender = await SenderMidBatchAsync(smtp, started);

        // SIGTERM: the run is asked to stop and handed back, rather than finished by a node that is going away.
        await sender.StopAsync();
        var atExit = smtp.Received.Count;
        Assert.InRange(atExit, 50, Subscribers - 50);

        // The digest on the wire at the signal was finished and marked: nobody gets theirs twice.
        await Eventually.Get(() => Recipients(smtp).Count, count => count == Subscribers, "every subscriber to get a digest", TimeSpan.FromSeconds(90));
        Assert.Equal(Subscribers, smtp.Received.Count);
    }

    /// <summary>Replicas about to send a digest to each of 300 subscribers, through <paramref name="smtp"/>.</summary>
    private static async Task<ReplicaSet> BatchAsync(ScriptedSmtpServer smtp)
    {
        var replicas = await ReplicaSet.CreateAsync();
        replicas
            .With("Calendar__Smtp__Host", "127.0.0.1")
            .With("Calendar__Smtp__Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Calendar__Smtp__Security", "None")
            .With("Calendar__Reminders__Interval", "00:00:02")
            // A claim left by a dead sender is taken back after three seconds rather than the default's minutes.
            .With("Calendar__Reminders__Lease", "00:00:03");
        replicas.WriteFacts("facts.yaml", VisitInAWeek());
        replicas.WriteSettings(new { Subscriptions = Enumerable.Range(1, Subscribers).Select(Subscription).ToArray() });
        return replicas;
    }

    /// <summary>The replica whose <c>/health</c> says it runs the reminder job, fifty messages into the batch.</summary>
    private static async Task<Replica> SenderMidBatchAsync(ScriptedSmtpServer smtp, IReadOnlyList<Replica> replicas)
    {
        var sender = await Eventually.Get<Replica?>(
            async () => smtp.Received.Count >= 50 ? await SendingAsync(replicas) : null,
            replica => replica is not null, "a replica to be sending, fifty messages into the batch", TimeSpan.FromSeconds(60));
        return sender!;
    }

    private static void AssertEverySubscriberOnce_ButAtMostOneTwice(ScriptedSmtpServer smtp)
    {
        var byRecipient = smtp.Received.Where(d => !d.Recipient.StartsWith("canary", StringComparison.Ordinal)).GroupBy(d => d.Recipient).ToList();
        Assert.Equal(Subscribers, byRecipient.Count);
        var twice = byRecipient.Where(group => group.Count() > 1).ToList();
        Assert.True(twice.Count <= 1, $"{twice.Count} subscribers got their digest more than once: {string.Join(", ", twice.Select(g => $"{g.Key} x{g.Count()}"))}");
        Assert.All(twice, group => Assert.Equal(2, group.Count()));
        // The one sent twice (stopped between the data and the server's answer) carries the same Message-Id both times.
        Assert.All(twice, group => Assert.Single(group.Select(d => d.MessageId).Distinct()));
    }

    /// <summary>An invented visit seven days from today (UTC), the one lead time every subscriber asks for.</summary>
    internal static string VisitInAWeek(string title = "Xanadu's foreign minister visits Brobdingnag")
    {
        var date = SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusDays(7);
        return $"""
            countries: {"{"} XA: Xanadu, XB: Brobdingnag {"}"}
            facts:
              - id: xa-xb-visit
                kind: visit
                countries: [XA, XB]
                date: {LocalDatePattern.Iso.Format(date)}
                status: scheduled
                title: {title}
                sources: [{"{"} title: "[Invented]", outlet: Test Gazette, published: 2026-01-10 {"}"}]
            """;
    }

    private static object Subscription(int number) => new
    {
        Email = $"subscriber-{number:D3}@example.org",
        Countries = new[] { "XB" },
        LeadDays = new[] { 7 },
        TimeZone = "Etc/UTC",
        SendAt = "00:00",
    };

    private static async Task AddSubscriberAsync(Replica replica, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/subscriptions", UriKind.Relative))
        {
            Content = JsonContent.Create(new { email, countries = new[] { "XB" }, leadDays = new[] { 7 }, timeZone = "Etc/UTC", sendAt = "00:00" }),
        };
        request.Headers.Add("X-Api-Key", ReplicaSet.AdminKey);
        using var response = await replica.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<Replica?> SendingAsync(IEnumerable<Replica> replicas)
    {
        foreach (var replica in replicas)
        {
            if (await replica.IsSendingRemindersAsync())
            {
                return replica;
            }
        }

        return null;
    }

    private static HashSet<string> Recipients(ScriptedSmtpServer smtp) => [.. smtp.Received.Select(d => d.Recipient)];
}
