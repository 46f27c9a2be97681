using Calendar.Service.Storage;
using Npgsql;
using Quartz;

namespace Calendar.Service.Cluster;

/// <summary>
/// Which Quartz jobs run where. Every node keeps its own in-memory scheduler for the work that is about its own
/// memory (reloading the facts it serves); work on shared state that must happen once (sending reminders) goes to a
/// second scheduler that, on PostgreSQL, is Quartz's clustered job store, so that one node at a time runs it and a
/// dead node's run moves to a live one. On SQLite there is one node, and one in-memory scheduler does both, as before.
/// </summary>
internal static class ClusterServices
{
    /// <summary>The clustered scheduler's name, the same on every replica: its rows in the <c>qrtz_</c> tables carry it.</summary>
    public const string SchedulerName = "calendar";

    /// <summary>This node's name, and the options that say how the cluster judges its nodes.</summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NodeOptions>().Bind(configuration.GetSection(NodeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new NodeName(NodeOptions.NameIn(configuration)));
        services.AddSingleton(provider => new OneNodeScheduler(provider, IsClustered(configuration)));
        return services;
    }

    /// <summary>Jobs that must run on one node at a time: on the clustered scheduler with PostgreSQL, on this node's own with SQLite.</summary>
    public static IServiceCollection AddQuartzOnOneNode(this IServiceCollection services, IConfiguration configuration, Action<IQuartzBuilder> configure)
    {
        var connectionString = configuration.GetSection(DatabaseOptions.Section)[nameof(DatabaseOptions.ConnectionString)];
        // Without a connection string the start is refused (Calendar:Database's validation) before any scheduler runs.
        if (!IsClustered(configuration) || string.IsNullOrWhiteSpace(connectionString))
        {
            return services.AddQuartz(configure);
        }

        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        services.AddQuartz(SchedulerName, quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceId = NodeOptions.NameIn(configuration);
                // A deploy stops a node (SIGTERM) in the middle of a run: the run is asked to stop at once rather
                // than waited out past the orchestrator's grace period, and is handed back (below) for a live node.
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(NpgsqlFactory.Instance, connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(clustering =>
                {
                    clustering.CheckinInterval = cluster.CheckinInterval;
                    clustering.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
                });
                // A failed check-in is retried inside the window the other nodes give this one, at most this far
                // apart: Quartz's 15-second default is as long as its whole default window, so one database blip got
                // a live node written off (quartznet issue 3777). Four tries fit in any threshold.
                store.ConfigureStore(options =>
                {
                    options.DbRetryInterval = cluster.CheckinMisfireThreshold / 4;
                    // A run cancelled by a shutdown is stored for recovery, and the next node to look fires it now,
                    // instead of waiting for this node to be written off as dead.
                    options.RecoverFiringsCancelledByShutdown = true;
                });
                // Quartz's own tables, from the script embedded in Quartz.dll. Creates, never alters: safe when
                // several replicas start at once (the loser of the race finds the winner's tables).
                store.ProvisionSchema();
            });
            configure(quartz);
        });
        services.AddQuartzHostedService(SchedulerName, options => options.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Whether the state is in PostgreSQL, shared by replicas (<c>Calendar:Database:Provider</c> <c>Postgres</c>).</summary>
    /// <remarks>
    /// Read as text while services are registered, since the scheduler's shape depends on it: binding a misspelt
    /// provider here would throw before the start-up validation could name it.
    /// </remarks>
    public static bool IsClustered(IConfiguration configuration) => string.Equals(
        configuration.GetSection(DatabaseOptions.Section)[nameof(DatabaseOptions.Provider)], nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The scheduler that runs the one-node-at-a-time jobs: the clustered one, or this node's own.</summary>
internal sealed class OneNodeScheduler(IServiceProvider services, bool clustered)
{
    public bool Clustered => clustered;

    // A named scheduler's parts are keyed services under its name; the default scheduler's are not keyed.
    public IScheduler Scheduler => clustered
        ? services.GetRequiredKeyedService<IScheduler>(ClusterServices.SchedulerName)
        : services.GetRequiredService<IScheduler>();
}
