using Calendar.Core;
using Calendar.Service.Facts;
using Calendar.Service.Feed;
using Calendar.Service.Storage;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Calendar.Service.Tests.Feed;

/// <summary>The builder and the cache called directly, without HTTP: how a benchmark or a tool uses them.</summary>
public class FeedBuilderTests
{
    [Fact]
    public void TheBuilder_WiredFromTheServiceRegistrations_BuildsAFeedThatTheCacheKeeps()
    {
        using var data = new TempFolder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:DataPath"] = data.Path, ["Calendar:FactsPath"] = data.Path })
            .Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddStorage(configuration)
            .AddTimeline(configuration)
            .AddFeed(configuration)
            .BuildServiceProvider();
        services.GetRequiredService<CalendarDatabase>().Migrate();
        var facts = FactsParser.Parse([new FactsFile("facts.yaml", FactsFiles.Relations())]).Facts!;
        var snapshot = new CalendarSnapshot(facts, new FactsVersion("v1", Instant.FromUtc(2023, 6, 1, 0, 0)), new LocalDate(2023, 6, 1), JubileeRule.Default, horizonYears: 10);

        var document = services.GetRequiredService<FeedBuilder>().Build(snapshot, OccurrenceFilter.All);

        // 2022 to 2028: seven anniversaries.
        Assert.Equal(7, document.EventCount);
        Assert.Equal("Diplomatic anniversaries", document.Name);
        var cache = services.GetRequiredService<FeedCache>();
        Assert.Same(cache.Get(snapshot, OccurrenceFilter.All), cache.Get(snapshot, OccurrenceFilter.All));
        Assert.Equal(document.Identity.ETag, cache.Get(snapshot, OccurrenceFilter.All).Identity.ETag);
    }
}
