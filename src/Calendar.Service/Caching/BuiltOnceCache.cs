using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Calendar.Service.Caching;

/// <summary>Built answers in memory, bounded by their bytes, each built once at a time however many ask for it.</summary>
/// <remarks>
/// <para>
/// A <see cref="MemoryCache"/> with a size limit in bytes keeps what was built; concurrent requests for a key that is
/// being built wait for that one build (a <see cref="Lazy{T}"/> per key in flight), and a build that throws is
/// forgotten, so that the next request tries again.
/// </para>
/// <para>
/// Why not the framework's other caches: output caching stores whole responses and would need the feed's own
/// conditional logic (Last-Modified from the database, an ETag per encoding) re-expressed as policies; HybridCache
/// serializes every value and refuses payloads over 1 MB by default, while a world-sized feed is 110 MB. MemoryCache
/// has one trap, handled in <see cref="Admit"/>: an entry that does not fit is refused, and its compaction frees only
/// 5% of the limit, so a large entry would never get in while smaller ones keep the cache full.
/// </para>
/// </remarks>
internal sealed class BuiltOnceCache<TKey, TValue> : IDisposable
    where TKey : notnull
    where TValue : class
{
    private readonly MemoryCache _built;
    private readonly ConcurrentDictionary<TKey, Lazy<TValue>> _building = new();
    private readonly Func<TValue, long> _sizeOf;
    private readonly long _limit;
    private readonly PostEvictionDelegate? _evicted;

    /// <param name="limitBytes">The bound.</param>
    /// <param name="sizeOf">The bytes a value holds.</param>
    /// <param name="evicted">Told (on the thread pool, soon after) that a kept value left, for whatever reason.</param>
    public BuiltOnceCache(long limitBytes, Func<TValue, long> sizeOf, Action<TKey>? evicted = null)
    {
        _limit = limitBytes;
        _sizeOf = sizeOf;
        _evicted = evicted is null ? null : (key, _, _, _) => evicted((TKey)key);
        _built = new MemoryCache(new MemoryCacheOptions { SizeLimit = limitBytes, TrackStatistics = true });
    }

    /// <summary>The keys of what is built and kept.</summary>
    public IEnumerable<TKey> Keys => _built.Keys.OfType<TKey>();

    /// <summary>The bytes kept, as the entries declared them.</summary>
    public long Size => _built.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public bool TryGet(TKey key, out TValue value)
    {
        var found = _built.TryGetValue(key, out TValue? kept);
        value = kept!;
        return found;
    }

    /// <summary>The value kept for <paramref name="key"/>, or the one <paramref name="build"/> makes (once, whoever else asks meanwhile).</summary>
    public TValue GetOrBuild(TKey key, Func<TValue> build)
    {
        if (_built.TryGetValue(key, out TValue? kept))
        {
            return kept!;
        }

        var building = _building.GetOrAdd(key, _ => new Lazy<TValue>(build, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            var value = building.Value;
            if (!_built.TryGetValue(key, out _))
            {
                Admit(key, value);
            }

            return value;
        }
        finally
        {
            // Kept or failed, it is no longer being built: a failure is tried again by the next request.
            _building.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, building));
        }
    }

    public void Remove(TKey key) => _built.Remove(key);

    public void Dispose() => _built.Dispose();

    private void Admit(TKey key, TValue value)
    {
        var size = Math.Max(1, _sizeOf(value));
        if (size > _limit)
        {
            return;
        }

        // Least recently used first out, until the new entry fits.
        while (Size + size > _limit && _built.Count > 0)
        {
            _built.Compact(Math.Max(0.1, 1.0 / _built.Count));
        }

        var options = new MemoryCacheEntryOptions { Size = size };
        if (_evicted is not null)
        {
            options.RegisterPostEvictionCallback(_evicted);
        }

        _built.Set(key, value, options);
    }
}
