using Calendar.Service.Caching;

namespace Calendar.Service.Tests.Caching;

/// <summary>The cache of built answers: bounded by the bytes its entries declare, least recently used first out.</summary>
public class BuiltOnceCacheTests
{
    [Fact]
    public void AnEntryThatDoesNotFit_EvictsTheLeastRecentlyUsed_UntilItFits()
    {
        using var cache = new BuiltOnceCache<string, byte[]>(100, bytes => bytes.Length);
        cache.GetOrBuild("a", () => new byte[40]);
        cache.GetOrBuild("b", () => new byte[40]);
        // Used since b was built: b is now the least recently used.
        Assert.True(cache.TryGet("a", out _));

        cache.GetOrBuild("c", () => new byte[40]);

        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(80, cache.Size);
    }

    [Fact]
    public void AnEntryLargerThanTheBound_IsBuiltForItsCaller_ButNotKept()
    {
        using var cache = new BuiltOnceCache<string, byte[]>(100, bytes => bytes.Length);
        cache.GetOrBuild("small", () => new byte[10]);

        var large = cache.GetOrBuild("large", () => new byte[101]);

        Assert.Equal(101, large.Length);
        Assert.False(cache.TryGet("large", out _));
        Assert.True(cache.TryGet("small", out _));
        Assert.Equal(10, cache.Size);
    }

    [Fact]
    public void AKeyAskedForAgain_IsBuiltOnce()
    {
        using var cache = new BuiltOnceCache<string, byte[]>(100, bytes => bytes.Length);
        var builds = 0;

        var first = cache.GetOrBuild("a", () => { builds++; return new byte[10]; });
        var second = cache.GetOrBuild("a", () => { builds++; return new byte[10]; });

        Assert.Same(first, second);
        Assert.Equal(1, builds);
    }
}
