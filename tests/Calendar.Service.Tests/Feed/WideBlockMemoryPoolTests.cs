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

        var first = await FeedClient.GetAsync(app);
        var polls = new List<FeedResponse>();
        for (var i = 0; i < 10; i++)
        {
            polls.Add(await FeedClient.GetAsync(app));
        }

        Assert.All(polls, poll => Assert.Equal(first.Body, poll.Body));
        Assert.True(factory.Counters.Rented >= 11, $"{factory.Counters.Rented} wide blocks for 11 polls: the feed's body went into Kestrel's own blocks");
        // A block goes back once the socket has sent it, which may be just after the client has read it all.
        Assert.True(factory.Counters.Made <= 2, $"{factory.Counters.Made} wide blocks made for 11 polls one after another: they are not reused");
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
