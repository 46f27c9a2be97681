using Calendar.Core;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Feed;

/// <summary>Built feeds in memory, one per filter asked for, least recently used first out.</summary>
/// <remarks>
/// A feed is built at most once per <see cref="FeedKey"/> (facts version, horizon, filter): concurrent polls for
/// the same key wait for the one build. When the calendar changes (a facts edit, a new day) the feeds that
/// subscribers use are rebuilt in the background, so that the next poll finds them ready; a new day within
/// the same year has the same keys and rebuilds nothing.
/// </remarks>
internal sealed partial class FeedCache : IHostedService
{
    private readonly FeedBuilder _builder;
    private readonly CalendarState _state;
    private readonly ILogger<FeedCache> _logger;
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<FeedKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = [];

    public FeedCache(FeedBuilder builder, CalendarState state, IOptions<FeedOptions> options, ILogger<FeedCache> logger)
    {
        _builder = builder;
        _state = state;
        _logger = logger;
        _capacity = options.Value.CacheSize;
    }

    /// <summary>Whether the feed for <paramref name="key"/> is built and in memory, ready for the next poll.</summary>
    public bool Holds(FeedKey key)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(key, out var node) && node.Value.Document.IsValueCreated;
        }
    }

    /// <summary>The feed for <paramref name="filter"/> in <paramref name="snapshot"/>, built on first use.</summary>
    public FeedDocument Get(CalendarSnapshot snapshot, OccurrenceFilter filter)
    {
        var key = _builder.KeyFor(snapshot, filter);
        Entry entry;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                entry = node.Value;
            }
            else
            {
                entry = new Entry(key, filter, new Lazy<FeedDocument>(() => _builder.Build(snapshot, filter)));
                _entries[key] = _recency.AddFirst(entry);
                while (_entries.Count > _capacity)
                {
                    _entries.Remove(_recency.Last!.Value.Key);
                    _recency.RemoveLast();
                }
            }
        }

        try
        {
            return entry.Document.Value;
        }
        catch
        {
            // Lazy would keep the exception: forget the entry, so that the next poll tries again.
            Forget(entry);
            throw;
        }
    }

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

    /// <summary>Drops the feeds of older snapshots and builds the same filters for the new one, off the caller's thread.</summary>
    /// <remarks>Returns the rebuild so that tests and benchmarks can wait for it; the event handler does not.</remarks>
    public Task Refresh(CalendarSnapshot snapshot) => Task.Run(() =>
    {
        List<OccurrenceFilter> stale = [];
        lock (_lock)
        {
            // Most recently used first: the feeds subscribers poll most are ready first.
            for (var node = _recency.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Key != _builder.KeyFor(snapshot, node.Value.Filter))
                {
                    stale.Add(node.Value.Filter);
                    _entries.Remove(node.Value.Key);
                    _recency.Remove(node);
                }

                node = next;
            }
        }

        foreach (var filter in stale)
        {
            // A newer snapshot is already in service: its own refresh builds what is needed.
            if (!ReferenceEquals(_state.Current, snapshot))
            {
                return;
            }

            try
            {
                Get(snapshot, filter);
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

    private void Forget(Entry entry)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(entry.Key, out var node) && ReferenceEquals(node.Value, entry))
            {
                _entries.Remove(entry.Key);
                _recency.Remove(node);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt {Count} cached feed(s) for facts version {Version}, today {Today:uuuu-MM-dd}")]
    private partial void LogRebuilt(int count, string version, NodaTime.LocalDate today);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the feed for filter '{Filter}' failed; it will be built on the next poll")]
    private partial void LogRebuildFailed(Exception exception, string filter);

    private sealed record Entry(FeedKey Key, OccurrenceFilter Filter, Lazy<FeedDocument> Document);
}
