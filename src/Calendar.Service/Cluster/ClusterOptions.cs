using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Calendar.Service.Cluster;

/// <summary>The <c>Calendar</c> key that names this process among the replicas sharing one database.</summary>
internal sealed partial class NodeOptions
{
    public const string Section = "Calendar";

    private const string Pattern = "^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$";

    /// <summary>
    /// This replica's name: Quartz's instance id in the cluster, the owner of the reminders it claims, and what
    /// <c>/health</c> says. Letters, digits, dots and hyphens, at most 63. Default: the host name and the process
    /// id (<c>web-7f9c-4242</c>), unique for two processes on one machine; set it (<c>calendar-1</c>) for a name
    /// that stays the same across restarts, and never give two running replicas the same one.
    /// </summary>
    /// <remarks>
    /// Two live nodes with one instance id recover each other's work as though it had been abandoned
    /// (quartznet issue 703), so the default is unique per process rather than per host.
    /// </remarks>
    [RegularExpression(Pattern, ErrorMessage = "Calendar:NodeName must be 1 to 63 letters, digits, dots or hyphens, starting and ending with a letter or digit (e.g. calendar-1)")]
    public string? NodeName { get; set; }

    /// <summary>The name in effect: the configured one, or the host name and process id.</summary>
    public static string NameIn(IConfiguration configuration) =>
        configuration.GetSection(Section)[nameof(NodeName)] is { Length: > 0 } configured ? configured : Default;

    private static string Default { get; } = HostName() + "-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The machine's name, lower case, in the characters a node name allows (a container's is its id).</summary>
    private static string HostName()
    {
        var name = NotInName().Replace(Environment.MachineName.ToLowerInvariant(), "-").Trim('-', '.');
        return name.Length == 0 ? "node" : name[..Math.Min(name.Length, 50)].TrimEnd('-', '.');
    }

    [GeneratedRegex("[^a-z0-9.-]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotInName();
}

/// <summary>
/// <c>Calendar:Cluster</c>: how the replicas' shared Quartz scheduler decides that a node has died, with
/// <c>Calendar:Database:Provider</c> <c>Postgres</c>. Unused with SQLite, where there is one node.
/// </summary>
/// <remarks>
/// A node is written off once <see cref="CheckinInterval"/> + <see cref="CheckinMisfireThreshold"/> has passed
/// since its last check-in; its unfinished reminder run is then started again on a live node. Too short, and a
/// live node that pauses (a long garbage collection, a database failover) is written off and its run repeated
/// while it is still going (quartznet issues 2817, 3777); the reminders' claims in the database keep that from
/// sending anything twice, but it is work done twice. Too long, and a dead node's run waits that long to resume.
/// </remarks>
internal sealed class ClusterOptions
{
    public const string Section = "Calendar:Cluster";

    /// <summary>How often each node records in <c>qrtz_scheduler_state</c> that it is alive. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past a missed check-in the others wait before taking over a node's work. Default 20 seconds: a
    /// dead node's work moves within half a minute, and a pause or a database failover shorter than that does
    /// not get a live node written off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);
}
