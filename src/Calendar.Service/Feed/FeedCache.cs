using Calendar.Core;
using Calendar.Service.Caching;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Feed;

/// <summary>Built feeds in memory, one per filter asked for, bounded by their bytes (<see cref="FeedOptions.CacheMegabytes"/>).</summary>
/// <remarks>
/// A feed is built at most once per <see cref="FeedKey"/> (facts version, window, filter): concurrent polls for
/// the same key wait for the one build. When the calendar changes (a facts edit, a new year) the feeds that
/// subscribers use are rebuilt in the background, so that the next poll finds them ready; a new day within
/// the same year has the same keys and rebuilds nothing.
/// </remarks>
internal sealed partial class FeedCache : IHostedService, IDisposable
{
    private readonly FeedBuilder _builder;
    private readonly CalendarState _state;
    private readonly ILogger<FeedCache> _logger;
    private readonly BuiltOnceCache<FeedKey, CachedFeed> _feeds;

    public FeedCache(FeedBuilder builder, CalendarState state, IOptions<FeedOptions> options, ILogger<FeedCache> logger)
    {
        _builder = builder;
        _state = state;
        _logger = logger;
        _feeds = new BuiltOnceCache<FeedKey, CachedFeed>(options.Value.CacheMegabytes * 1024L * 1024, feed => feed.Document.Size, key => Evicted?.Invoke(key));
    }

    /// <summary>A feed left the cache (the bound, a new snapshot): whoever holds on to it lets go, so that the bound holds.</summary>
    public event Action<FeedKey>? Evicted;

    /// <summary>The bytes of the feeds kept.</summary>
    public long Size => _feeds.Size;

    /// <summary>Whether the feed for <paramref name="key"/> is built and in memory, ready for the next poll.</summary>
    public bool Holds(FeedKey key) => _feeds.TryGet(key, out _);

    /// <summary>The feed for <paramref name="key"/> if it is built and in memory.</summary>
    public bool TryGet(FeedKey key, out FeedDocument document)
    {
        var found = _feeds.TryGet(key, out var feed);
        document = found ? feed.Document : null!;
        return found;
    }

    /// <summary>The feed for <paramref name="filter"/> in <paramref name="snapshot"/>, built on first use.</summary>
    public FeedDocument Get(CalendarSnapshot snapshot, OccurrenceFilter filter, Language language = Language.En) =>
        _feeds.GetOrBuild(FeedBuilder.KeyFor(snapshot, filter, language), () => new CachedFeed(_builder.Build(snapshot, filter, language), filter, language)).Document;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _state.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _state.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    public void Dispose() => _feeds.Dispose();

    /// <summary>Drops the feeds of older snapshots and builds the same filters for the new one, off the caller's thread.</summary>
    /// <remarks>Returns the rebuild so that tests and benchmarks can wait for it; the event handler does not.</remarks>
    public Task Refresh(CalendarSnapshot snapshot) => Task.Run(() =>
    {
        List<(OccurrenceFilter, Language)> stale = [];
        foreach (var key in _feeds.Keys.ToList())
        {
            if (_feeds.TryGet(key, out var feed) && key != FeedBuilder.KeyFor(snapshot, feed.Filter, feed.Language))
            {
                stale.Add((feed.Filter, feed.Language));
                _feeds.Remove(key);
            }
        }

        foreach (var (filter, language) in stale)
        {
            // A newer snapshot is already in service: its own refresh builds what is needed.
            if (!ReferenceEquals(_state.Current, snapshot))
            {
                return;
            }

            try
            {
                Get(snapshot, filter, language);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRebuildFailed(e, filter.Key);
            }
        }

        if (stale.Count > 0)
        {
            LogRebuilt(stale.Count, snapshot.Version.Hash, snapshot.Today);
        }
    });

    private void OnChanged(CalendarSnapshot snapshot) => _ = Refresh(snapshot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt {Count} cached feed(s) for facts version {Version}, today {Today:uuuu-MM-dd}")]
    private partial void LogRebuilt(int count, string version, NodaTime.LocalDate today);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the feed for filter '{Filter}' failed; it will be built on the next poll")]
    private partial void LogRebuildFailed(Exception exception, string filter);

    private sealed record CachedFeed(FeedDocument Document, OccurrenceFilter Filter, Language Language);
}
