using System.Security.Cryptography;
using NodaTime;

namespace Calendar.Service.Tests.Feed;

/// <summary>The seeds' feeds, byte for byte, as they were before the feed was written event by event (issue 10).</summary>
/// <remarks>
/// The hashes were taken from the feed built as one Ical.Net object graph, with the clock pinned and the facts
/// files' times fixed (their latest time is every DTSTAMP). A change that alters what subscribers receive must
/// change these on purpose; a change in how the bytes are produced must not.
/// </remarks>
public class FeedBytesTests
{
    private static readonly DateTime FactsEdited = new(2023, 5, 2, 8, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("", 54, "b3cc7d286b3f2d4df295e4e902363a760351add7831c338e0d517a247d6501e8")]
    [InlineData("?country=AR", 31, "e5d7e50f036291008e2fca789709f6d6abb027d707f924a5e288f0963974fd93")]
    [InlineData("?kind=anniversary&jubilee=true", 11, "6bea1ae870599af50a981e6e96330cd0e45b51bc1b4fb92c70c852d954fdcd9a")]
    [InlineData("?country=ES", 1, "229ef9408f836d8b0e578de26b625664fc9f171a4a21d20e4a18d5d6988a0131")]
    [InlineData("?country=IT&kind=signing", 0, "b220ba9f2d69541c51cf2874574ef7299753d8dd3d14bee0306341ad59ce6e03")]
    public async Task TheSeedsFeed_KeepsItsBytes(string query, int events, string sha256)
    {
        using var seeds = new TempFolder(Repository.Seeds);
        foreach (var file in Directory.EnumerateFiles(seeds.Path))
        {
            File.SetLastWriteTimeUtc(file, FactsEdited);
        }

        Directory.SetLastWriteTimeUtc(seeds.Path, FactsEdited);
        using var app = new CalendarApplication(seeds.Path, Instant.FromUtc(2023, 6, 1, 6, 0));

        var feed = await FeedClient.GetAsync(app, query);

        Assert.Equal(HttpStatusCode.OK, feed.Status);
        Assert.Equal((events, sha256), (CountEvents(feed.Text), Convert.ToHexStringLower(SHA256.HashData(feed.Body))));
    }

    private static int CountEvents(string text) => text.Split("BEGIN:VEVENT\r\n").Length - 1;
}
