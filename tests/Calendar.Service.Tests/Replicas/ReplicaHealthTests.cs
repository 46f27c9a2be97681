using System.Text.Json;

namespace Calendar.Service.Tests.Replicas;

/// <summary>Each replica's <c>/health</c> names it and shows the cluster as Quartz sees it: who is alive, who has gone.</summary>
public class ReplicaHealthTests
{
    [Fact]
    public async Task EachReplica_NamesItself_ListsBothNodesAlive_AndStopsListingOneThatDied()
    {
        await using var replicas = await ReplicaSet.CreateAsync();
        replicas.WriteFacts("facts.yaml", ReplicaFailoverTests.VisitInAWeek());
        // At the same moment on an empty database: both create what is missing (their schema, Quartz's) and start.
        var started = await replicas.StartAllAsync("replica-a", "replica-b");

        foreach (var replica in started)
        {
            // Quartz lists the answering node even before its first check-in, Alive but with no times: wait for both rows.
            var node = await Eventually.Get(() => NodeAsync(replica), n => Alive(n).Count == 2 && CheckedIn(n).Count == 2,
                $"{replica} to see both nodes check in", TimeSpan.FromSeconds(30));
            Assert.Equal("Healthy", node.GetProperty("status").GetString());
            Assert.Equal($"Node {replica.Name}, one of a cluster: the database is reachable.", node.GetProperty("description").GetString());
            var data = node.GetProperty("data");
            Assert.Equal(replica.Name, data.GetProperty("node").GetString());
            Assert.Equal("reachable", data.GetProperty("database").GetString());
            Assert.True(data.GetProperty("clustered").GetBoolean());
            Assert.Equal(replica.Name, data.GetProperty("instanceId").GetString());
            Assert.Equal(["replica-a", "replica-b"], Alive(node).Order(StringComparer.Ordinal));
            var self = Assert.Single(data.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("current").GetBoolean());
            Assert.Equal(replica.Name, self.GetProperty("instanceId").GetString());
            // Calendar:Cluster:CheckinInterval as the node recorded it in qrtz_scheduler_state.
            Assert.Equal(1.0, self.GetProperty("checkInInterval").GetDouble());
            Assert.True(DateTimeOffset.TryParse(self.GetProperty("lastCheckIn").GetString(), out _));
        }

        started[1].Kill();

        // Written off after the check-in interval and the threshold (three seconds here), then swept from the table.
        var survivor = await Eventually.Get(() => NodeAsync(started[0]), n => Alive(n).Count == 1 && Listed(n).Count == 1,
            "the survivor to write the dead node off", TimeSpan.FromSeconds(30));
        Assert.Equal(["replica-a"], Alive(survivor));
    }

    private static async Task<JsonElement> NodeAsync(Replica replica) =>
        (await replica.HealthAsync()).GetProperty("checks").GetProperty("node");

    private static List<string> Listed(JsonElement node) =>
        [.. node.GetProperty("data").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("instanceId").GetString()!)];

    private static List<string> CheckedIn(JsonElement node) =>
        [.. node.GetProperty("data").GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("lastCheckIn").ValueKind == JsonValueKind.String).Select(n => n.GetProperty("instanceId").GetString()!)];

    private static List<string> Alive(JsonElement node) =>
        [.. node.GetProperty("data").GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("state").GetString() == "Alive").Select(n => n.GetProperty("instanceId").GetString()!)];
}
