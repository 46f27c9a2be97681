using System.Buffers;
using Calendar.Service.Feed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Calendar.Service.Tests.Feed;

/// <summary>Kestrel's memory pool with 64 KB blocks for a feed's body, and its own blocks for everything else.</summary>
public class WideBlockMemoryPoolTests
{
    [Fact]
    public void RoomThatKestrelsBlocksHold_IsAKestrelBlock_AndMoreIsAWideBlock()
    {
        using var pool = KestrelsPoolWithWideBlocks(out _);

        using var small = pool.Rent(512);
        using var kestrelSized = pool.Rent(4096);
        using var wide = pool.Rent(5000);

        Assert.Equal(WideBlockMemoryPool.BlockSize, pool.MaxBufferSize);
        Assert.Equal(4096, small.Memory.Length);
        Assert.Equal(4096, kestrelSized.Memory.Length);
        Assert.Equal(WideBlockMemoryPool.BlockSize, wide.Memory.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(WideBlockMemoryPool.BlockSize + 1));
    }

    [Fact]
    public void AReturnedWideBlock_IsRentedAgain_NotMadeAgain()
    {
        using var pool = KestrelsPoolWithWideBlocks(out var counters);

        var first = pool.Rent(WideBlockMemoryPool.BlockSize);
        var memory = first.Memory;
        first.Dispose();
        using var second = pool.Rent(WideBlockMemoryPool.BlockSize);

        Assert.True(memory.Span == second.Memory.Span, "the second rent got a new block");
        Assert.Equal(2, counters.Rented);
        Assert.Equal(1, counters.Made);
    }

    [Fact]
    public void BlocksKeptForReuse_AreBounded_HoweverManyWereInUse()
    {
        using var pool = KestrelsPoolWithWideBlocks(out var counters);
        var inUse = Enumerable.Range(0, WideBlockMemoryPool.MaxRetained + 40).Select(_ => pool.Rent(WideBlockMemoryPool.BlockSize)).ToList();

        inUse.ForEach(block => block.Dispose());

        Assert.Equal(WideBlockMemoryPool.MaxRetained, ((WideBlockMemoryPool)pool).Kept);
        Assert.Equal(WideBlockMemoryPool.MaxRetained + 40, counters.Made);
    }

    [Fact]
    public async Task TheServiceOnKestrel_SendsAFeedsBodyInWideBlocks_ReusedFromPollToPoll()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        using var app = new CalendarApplication(facts.Path);
        var factory = Assert.IsType<WideBlockMemoryPoolFactory>(app.Services.GetRequiredService<IMemoryPoolFactory<byte>>());

        // One connection, so one of Kestrel's pools (it keeps one for each of its I/O queues, as many as the cores).
        using var client = app.CreateHttpClient();
        var bodies = new List<byte[]>();
        for (var i = 0; i < 11; i++)
        {
            // A block goes back once the socket has sent it, which may be just after the client has read it all.
            await BlocksBackAsync(factory.Counters);
            bodies.Add(await client.GetByteArrayAsync(new Uri("/calendar.ics", UriKind.Relative), TestContext.Current.CancellationToken));
        }

        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
        Assert.True(factory.Counters.Rented >= 11, $"{factory.Counters.Rented} wide blocks for 11 polls: the feed's body went into Kestrel's own blocks");
        Assert.True(factory.Counters.Made == 1, $"{factory.Counters.Made} wide blocks made for 11 polls one after another on one connection: they are not reused");
    }

    private static async Task BlocksBackAsync(WideBlockCounters counters)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (counters.InUse > 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"{counters.InUse} wide blocks still out 10 s after the client read its feed: the socket never gave them back");
            await Task.Delay(TimeSpan.FromMilliseconds(5), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A pool made as Kestrel makes its own, through the web host's registrations and the feed's, in the service's order.</summary>
    private static MemoryPool<byte> KestrelsPoolWithWideBlocks(out WideBlockCounters counters)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddFeed(builder.Configuration);
        var services = builder.Services.BuildServiceProvider();
        var factory = Assert.IsType<WideBlockMemoryPoolFactory>(services.GetRequiredService<IMemoryPoolFactory<byte>>());
        counters = factory.Counters;
        return factory.Create();
    }
}
