using Calendar.Service.Cluster;
using Calendar.Service.Reminders;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using NodaTime.Text;
using Quartz;

namespace Calendar.Service.Health;

/// <summary>Which replica answers, whether it reaches the database, and what the scheduler's cluster makes of its nodes.</summary>
/// <remarks>
/// <para>
/// A database that cannot be reached is <see cref="HealthStatus.Degraded"/>, not unhealthy: every replica shares the
/// one database, so a load balancer that took unhealthy nodes out would take all of them out together, and the page
/// and the upcoming API, which answer from memory, would go with them. A node that has fallen behind with its own
/// cluster check-in is degraded too: the others are about to take over its reminder runs, and an operator should
/// know, but it still serves.
/// </para>
/// <para>Each database question is bounded by <see cref="Timeout"/>, so that a hung connection cannot hold the probe.</para>
/// </remarks>
internal sealed class NodeHealthCheck(NodeName node, DatabaseProbe database, OneNodeScheduler reminders) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        var problems = new List<string>();
        var data = new Dictionary<string, object> { ["node"] = node.Value };

        var unreachable = await database.FailureAsync(bounded.Token);
        data["database"] = unreachable is null ? "reachable" : $"unreachable: {unreachable}";
        if (unreachable is not null)
        {
            problems.Add($"the database cannot be reached ({unreachable}); what is in memory still serves, subscriptions and reminders wait for it");
        }

        data["clustered"] = reminders.Clustered;
        try
        {
            var scheduler = reminders.Scheduler;
            if (reminders.Clustered)
            {
                data["instanceId"] = scheduler.SchedulerInstanceId;
                var nodes = await scheduler.QueryClusterNodes(bounded.Token).AsTask().WaitAsync(bounded.Token);
                data["nodes"] = nodes.Select(Describe).ToArray();
                if (nodes.FirstOrDefault(n => n.IsCurrentNode) is { State: not ClusterNodeState.Alive } self)
                {
                    problems.Add($"this node's cluster check-in is {self.State.ToString().ToLowerInvariant()}: the other nodes take over its reminder runs once it is written off");
                }
            }

            var running = await scheduler.QueryFireInstances(new FireInstanceQuery { Job = SendRemindersJob.Key }, bounded.Token).AsTask().WaitAsync(bounded.Token);
            if (reminders.Clustered)
            {
                data["remindersRunningOn"] = running.Items.Select(firing => firing.SchedulerInstanceId).Distinct().ToArray();
            }

            data["sendingReminders"] = running.Items.Any(firing => firing.SchedulerInstanceId == scheduler.SchedulerInstanceId);
        }
        catch (Exception e) when ((e is SchedulerException or OperationCanceledException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            data["scheduler"] = $"unknown: {Reason(e)}";
            if (unreachable is null)
            {
                problems.Add($"the scheduler's cluster state cannot be read ({Reason(e)})");
            }
        }

        var summary = reminders.Clustered ? $"Node {node}, one of a cluster" : $"Node {node}, on its own";
        return problems.Count == 0
            ? HealthCheckResult.Healthy($"{summary}: the database is reachable.", data)
            : HealthCheckResult.Degraded($"{summary}: {string.Join("; ", problems)}.", data: data);
    }

    private static Dictionary<string, object?> Describe(ClusterNode cluster) => new()
    {
        ["instanceId"] = cluster.InstanceId,
        ["state"] = cluster.State.ToString(),
        ["lastCheckIn"] = cluster.LastCheckInUtc is { } at ? InstantPattern.ExtendedIso.Format(Instant.FromDateTimeOffset(at)) : null,
        ["checkInInterval"] = cluster.CheckInInterval?.TotalSeconds,
        ["current"] = cluster.IsCurrentNode,
    };

    private static string Reason(Exception e) => e is OperationCanceledException or TimeoutException
        ? $"no answer within {Timeout.TotalSeconds:0} s"
        : e.GetBaseException().Message;
}
