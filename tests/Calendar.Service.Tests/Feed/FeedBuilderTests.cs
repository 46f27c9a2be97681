using System.Text;
using Calendar.Core;
using Calendar.Service.Facts;
using Calendar.Service.Feed;
using Calendar.Service.Storage;
using Calendar.Service.Tests.Storage;
using Calendar.Service.Timeline;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
        var snapshot = new CalendarSnapshot(facts, new FactsVersion("v1", Instant.FromUtc(2023, 6, 1, 0, 0)), new LocalDate(2023, 6, 1), JubileeRule.Default, horizonYears: 5);

        var document = services.GetRequiredService<FeedBuilder>().Build(snapshot, OccurrenceFilter.All);

        // The snapshot's window, 2022 to 2028: seven anniversaries.
        Assert.Equal(7, document.EventCount);
        Assert.Equal("Diplomatic anniversaries", document.Name);
        var cache = services.GetRequiredService<FeedCache>();
        Assert.Same(cache.Get(snapshot, OccurrenceFilter.All), cache.Get(snapshot, OccurrenceFilter.All));
        Assert.Equal(document.Identity.ETag, cache.Get(snapshot, OccurrenceFilter.All).Identity.ETag);
    }

    [Fact]
    public void AnEventInSeveralFeeds_IsSerializedOnce_AndItsBytesShared()
    {
        using var services = Services(out var snapshot);
        var builder = services.GetRequiredService<FeedBuilder>();
        var all = builder.Build(snapshot, OccurrenceFilter.All);
        var xa = new OccurrenceFilter { Countries = new HashSet<CountryCode> { CountryCode.Parse("XA") } };

        var country = builder.Build(snapshot, xa);
        var fresh = ActivatorUtilities.CreateInstance<FeedBuilder>(services).Build(snapshot, xa);

        // The seven events between the calendar's own text and its end.
        var shared = Pieces(all)[1..^1];
        Assert.Equal(7, shared.Count);
        // The same bytes in memory, not equal ones (xUnit would compare segments by their contents).
        Assert.All(shared.Zip(Pieces(country)[1..^1]), pair => Assert.True(ReferenceEquals(pair.First.Array, pair.Second.Array) && pair.First.Offset == pair.Second.Offset));
        Assert.Equal(fresh.Identity.ToArray(), country.Identity.ToArray());
        // The cache counts what the feed holds of its own: not the events' text, which the generation holds once.
        Assert.Equal(country.Identity.Length - shared.Sum(piece => piece.Count) + (FeedRepresentation.PieceSize * 9), country.Identity.OwnSize);
    }

    [Fact]
    public async Task ABuildThatAnotherReplicaOvertakes_ServesTheSequenceTheDatabaseRecorded_NotTheOneItExpected()
    {
        using var test = await TestDatabase.CreateAsync(nameof(DatabaseProvider.Postgres));
        using var database = test.Migrated();
        using var elsewhere = test.Migrated();
        var facts = FactsParser.Parse([new FactsFile("facts.yaml", FactsFiles.Relations())]).Facts!;
        var snapshot = new CalendarSnapshot(facts, new FactsVersion("v1", Instant.FromUtc(2023, 6, 1, 0, 0)), new LocalDate(2023, 6, 1), JubileeRule.Default, horizonYears: 5);
        var builder = new FeedBuilder(new EventSequences(database), Options.Create(new FeedOptions()), Options.Create(new CalendarOptions()));
        var raced = FeedEvent.From(snapshot.Between(snapshot.Window, OccurrenceFilter.All).First(FeedEvent.IsListed), facts.Countries, new FeedOptions().UidDomain).Uid;

        // Another replica, with other facts, is recording one of the feed's events as new: its transaction holds the key.
        using var other = elsewhere.Open();
        using var recording = other.BeginTransaction();
        other.Execute(
            "INSERT INTO feed_event_sequences (uid, language, content_hash, sequence) VALUES (@uid, 'en', 'elsewhere', 0)", new { uid = raced }, recording);
        var building = Task.Run(() => builder.Build(snapshot, OccurrenceFilter.All), TestContext.Current.CancellationToken);
        // The build has read an empty table, expects 0 for every event, and its write waits for the other replica.
        await Eventually.Get(() => WaitingForALock(elsewhere), waiting => waiting, "the build to wait for the other replica's row", TimeSpan.FromSeconds(30));
        recording.Commit();

        var feed = Encoding.UTF8.GetString((await building).Identity.ToArray());
        var events = feed.Split("BEGIN:VEVENT")[1..];
        Assert.Equal(7, events.Length);
        // The other replica's row came first: this content is its revision 1, whatever the build expected.
        Assert.Contains("SEQUENCE:1\r\n", Assert.Single(events, e => e.Contains($"UID:{raced}\r\n", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.All(events.Where(e => !e.Contains($"UID:{raced}\r\n", StringComparison.Ordinal)), e => Assert.Contains("SEQUENCE:0\r\n", e, StringComparison.Ordinal));
    }

    /// <summary>Whether a session of the database waits for another's lock (asked outside any transaction, which would keep one snapshot of it).</summary>
    private static bool WaitingForALock(CalendarDatabase database)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0;
    }

    private static List<ArraySegment<byte>> Pieces(FeedDocument document) =>
        [.. document.Identity.Pieces];

    private static ServiceProvider Services(out CalendarSnapshot snapshot)
    {
        var data = new TempFolder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:DataPath"] = data.Path, ["Calendar:FactsPath"] = data.Path })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            // Made by the container, so disposed with it: the folder goes when the services do.
            .AddSingleton(_ => data)
            .AddStorage(configuration)
            .AddTimeline(configuration)
            .AddFeed(configuration)
            .BuildServiceProvider();
        services.GetRequiredService<CalendarDatabase>().Migrate();
        var facts = FactsParser.Parse([new FactsFile("facts.yaml", FactsFiles.Relations())]).Facts!;
        snapshot = new CalendarSnapshot(facts, new FactsVersion("v1", Instant.FromUtc(2023, 6, 1, 0, 0)), new LocalDate(2023, 6, 1), JubileeRule.Default, horizonYears: 5);
        return services;
    }
}
