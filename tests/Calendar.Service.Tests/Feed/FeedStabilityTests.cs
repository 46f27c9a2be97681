using Calendar.Core;
using Calendar.Service.Feed;
using Calendar.Service.Timeline;
using NodaTime;

namespace Calendar.Service.Tests.Feed;

/// <summary>What subscribers' clients see over time: nothing new when nothing is new, a higher SEQUENCE when something is.</summary>
public class FeedStabilityTests
{
    private static readonly Instant January10 = Instant.FromUtc(2027, 1, 10, 6, 0);

    [Fact]
    public async Task TwoHosts_OnDifferentDaysOfTheYear_ServeTheSameBytes()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Facts("Agenda to follow."));
        using var first = new CalendarApplication(facts.Path, January10);
        using var second = new CalendarApplication(facts.Path, January10.Plus(Duration.FromDays(200)));

        var a = await FeedClient.GetAsync(first, "?country=XA");
        var b = await FeedClient.GetAsync(second, "?country=XA");

        Assert.Equal(a.Text, b.Text);
        Assert.Equal(a.ETag, b.ETag);
        Assert.Contains("UID:xa-xb-relations.2027@calendar.local\r\n", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADayBoundary_ChangesNeitherTheBytesNorTheETag()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Facts("Agenda to follow."));
        // 23:59 in Almaty (UTC+5) on 22 June 2027, the eve of the anniversary.
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2027, 6, 22, 18, 59));
        var before = await FeedClient.GetAsync(app);

        app.Clock.Advance(Duration.FromMinutes(2));
        // What the midnight job does: a new snapshot for the new day, and the feeds rebuilt in the background.
        Assert.True(app.Get<CalendarRefresher>().Refresh());
        Assert.Equal(new LocalDate(2027, 6, 23), app.Get<CalendarState>().Current.Today);

        var after = await FeedClient.GetAsync(app);
        Assert.Equal(before.Text, after.Text);
        Assert.Equal((before.ETag, before.LastModified), (after.ETag, after.LastModified));
        var revalidated = await FeedClient.GetAsync(app, headers: h => h.IfNoneMatch.Add(before.ETag));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.Status);
    }

    [Fact]
    public async Task NewYear_MovesTheHorizon_AndOldValidatorsGetTheNewFeed()
    {
        using var facts = new TempFolder();
        var file = facts.Write("facts.yaml", Facts("Agenda to follow."));
        // Facts last edited in June 2026: Last-Modified can only move because the horizon did.
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        Directory.SetLastWriteTimeUtc(facts.Path, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        // 23:59 in Almaty on 31 December 2026.
        using var app = new CalendarApplication(facts.Path, Instant.FromUtc(2026, 12, 31, 18, 59));
        var before = await FeedClient.GetAsync(app);

        app.Clock.Advance(Duration.FromMinutes(2));
        Assert.True(app.Get<CalendarRefresher>().Refresh());

        var byTag = await FeedClient.GetAsync(app, headers: h => h.IfNoneMatch.Add(before.ETag));
        var byDate = await FeedClient.GetAsync(app, headers: h => h.IfModifiedSince = before.LastModified);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (byTag.Status, byDate.Status));
        // When the new bytes were first served: the first poll after midnight.
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 19, 1, 0, TimeSpan.Zero), byDate.LastModified);
        Assert.Contains("UID:xa-xb-relations.2025@", before.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("UID:xa-xb-relations.2025@", byDate.Text, StringComparison.Ordinal);
        Assert.Contains("UID:xa-xb-relations.2032@", byDate.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactsRestoredWithAnOlderFileTime_StillMoveLastModified_SoIfModifiedSinceGetsTheNewFeed()
    {
        using var facts = new TempFolder();
        var file = facts.Write("facts.yaml", Facts("Agenda to follow."));
        using var app = new CalendarApplication(facts.Path, January10);
        var before = await FeedClient.GetAsync(app);
        var state = app.Get<CalendarState>();
        var version = state.Current.Version.Hash;

        // As `rsync -a` or `tar` would restore an older copy: other content, an earlier modification time.
        app.Clock.Advance(Duration.FromMinutes(5));
        File.WriteAllText(file, Facts("Agenda: trade; culture."));
        File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Directory.SetLastWriteTimeUtc(facts.Path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await Eventually.Get(() => state.Current.Version.Hash, hash => hash != version, "the restored facts to be loaded");

        var after = await FeedClient.GetAsync(app, headers: h => h.IfModifiedSince = before.LastModified);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.True(after.LastModified > before.LastModified, $"{after.LastModified} should be after {before.LastModified}");
        Assert.Contains("trade", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditUndone_MovesLastModifiedOnAgain_SoNoCopyFromBetweenGets304()
    {
        using var facts = new TempFolder();
        var file = facts.Write("facts.yaml", Facts("Agenda to follow."));
        using var app = new CalendarApplication(facts.Path, January10);
        var state = app.Get<CalendarState>();
        var first = await FeedClient.GetAsync(app);

        app.Clock.Advance(Duration.FromMinutes(5));
        var original = state.Current.Version.Hash;
        File.WriteAllText(file, Facts("Agenda: trade; culture."));
        await Eventually.Get(() => state.Current.Version.Hash, hash => hash != original, "the edit to be loaded");
        var edited = await FeedClient.GetAsync(app);
        app.Clock.Advance(Duration.FromMinutes(5));
        var editedHash = state.Current.Version.Hash;
        File.WriteAllText(file, Facts("Agenda to follow."));
        await Eventually.Get(() => state.Current.Version.Hash, hash => hash != editedHash, "the edit to be undone");

        var undone = await FeedClient.GetAsync(app, headers: h => h.IfModifiedSince = edited.LastModified);
        Assert.Equal(HttpStatusCode.OK, undone.Status);
        Assert.True(first.LastModified < edited.LastModified && edited.LastModified < undone.LastModified, $"{first.LastModified}, {edited.LastModified}, {undone.LastModified}");
        // The visit's SEQUENCE rose with the edit and stays risen: the bytes are not the first ones again.
        Assert.NotEqual(first.ETag, undone.ETag);
    }

    [Fact]
    public async Task EveryFilter_SharesOneLastModifiedRecord_SoAStrangersFiltersStoreNothing()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Facts("Agenda to follow."));
        using var app = new CalendarApplication(facts.Path, January10);
        var filters = OccurrenceFilter.KnownKinds
            .SelectMany(kind => new[] { $"?kind={kind}", $"?kind={kind}&jubilee=true", $"?kind={kind}&country=XA", $"?kind={kind}&country=XB&jubilee=false" })
            .ToList();

        var responses = new List<FeedResponse>();
        foreach (var filter in filters)
        {
            responses.Add(await FeedClient.GetAsync(app, filter));
        }

        Assert.True(filters.Count >= 40, $"{filters.Count} filters");
        Assert.Equal(filters.Count, responses.Select(response => response.ETag).Distinct().Count());
        Assert.Single(responses.Select(response => response.LastModified).Distinct());
        using var database = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.DataPath, "calendar.db")}");
        database.Open();
        using var count = database.CreateCommand();
        count.CommandText = "SELECT (SELECT COUNT(*) FROM feed_generation), (SELECT COUNT(*) FROM sqlite_master WHERE name = 'feed_changes')";
        using var reader = count.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((1L, 0L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    [Fact]
    public async Task EditingAFact_RaisesTheSequenceOfItsEventOnly_AndARestartKeepsIt()
    {
        using var facts = new TempFolder();
        using var data = new TempFolder();
        facts.Write("facts.yaml", Facts("Agenda to follow."));
        const string Visit = "xa-xb-visit@calendar.local";

        using (var app = new CalendarApplication(facts.Path, January10).With("Calendar:DataPath", data.Path))
        {
            var first = await FeedClient.ReadAsync(app);
            Assert.All(first.Events, e => Assert.Equal(0, e.Sequence));

            facts.Write("facts.yaml", Facts("Agenda: trade; culture."));

            var edited = await Eventually.Get(
                () => FeedClient.ReadAsync(app), feed => feed.Event(Visit).Description!.Contains("trade", StringComparison.Ordinal), "the edited note in the feed");
            Assert.Equal(1, edited.Event(Visit).Sequence);
            Assert.All(edited.Events.Where(e => e.Uid != Visit), e => Assert.Equal(0, e.Sequence));
        }

        using var restarted = new CalendarApplication(facts.Path, January10).With("Calendar:DataPath", data.Path);
        var again = await FeedClient.ReadAsync(restarted);
        Assert.Equal(1, again.Event(Visit).Sequence);
        Assert.All(again.Events.Where(e => e.Uid != Visit), e => Assert.Equal(0, e.Sequence));
    }

    [Fact]
    public async Task AFactsEdit_RebuildsTheFeedsInUse_BeforeAnyonePolls()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", Facts("Agenda to follow."));
        using var app = new CalendarApplication(facts.Path, January10);
        await FeedClient.GetAsync(app, "?country=XB");
        var state = app.Get<CalendarState>();
        var version = state.Current.Version.Hash;

        facts.Write("facts.yaml", Facts("Agenda: trade; culture."));

        var snapshot = await Eventually.Get(() => state.Current, s => s.Version.Hash != version, "the edit to be loaded");
        var key = FeedBuilder.KeyFor(snapshot, new OccurrenceFilter { Countries = new HashSet<CountryCode> { CountryCode.Parse("XB") } });
        await Eventually.Get(() => app.Get<FeedCache>().Holds(key), built => built, "the feed for country=XB to be rebuilt");
    }

    private static string Facts(string visitNote) => FactsFiles.Relations() + $"""

          - id: xa-xb-visit
            kind: visit
            countries: [XA, XB]
            date: 2027-03-05
            title: Visit to Brobdingnag
            note: "{visitNote}"
            sources:
              - title: "[Invented for tests]"
        """;
}
