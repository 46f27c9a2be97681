using Calendar.Service.Feed;
using Calendar.Service.Storage;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Calendar.Benchmarks;

/// <summary>The service's storage, timeline and feed services on a temporary data folder, its database migrated.</summary>
internal sealed class BenchServices : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "calendar-bench-" + Guid.NewGuid().ToString("N")[..8]);

    public BenchServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:DataPath"] = _data, ["Calendar:FactsPath"] = _data })
            .Build();
        Provider = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddStorage(configuration)
            .AddTimeline(configuration)
            .AddFeed(configuration)
            .BuildServiceProvider();
        Provider.GetRequiredService<CalendarDatabase>().Migrate();
    }

    public ServiceProvider Provider { get; }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>A builder of its own: no event of any generation serialized yet, as after a start.</summary>
    public FeedBuilder NewBuilder() => ActivatorUtilities.CreateInstance<FeedBuilder>(Provider);

    public void Dispose()
    {
        Provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
