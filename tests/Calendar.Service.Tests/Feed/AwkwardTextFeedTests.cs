using System.Text;
using NodaTime;

namespace Calendar.Service.Tests.Feed;

/// <summary>Facts full of text that breaks hand-written iCalendar: every event still reads back as written.</summary>
public class AwkwardTextFeedTests(AwkwardTextFeedTests.Host host) : IClassFixture<AwkwardTextFeedTests.Host>
{
    private const string Xa = "Қазақстан, \"Әбу\"; Co";
    private const string Xb = @"Back\slash Land";

    // 200 characters: commas, semicolons, quotes, a backslash, Cyrillic and Kazakh letters, then Kazakh letters to fill.
    private static readonly string LongTitle = "Visit; of the \"delegation\", led by Әбу Насыр \\ Қарағанды, to \"Medeu\": talks, signing; dinner"
        .PadRight(200, 'ә');

    private const string Note = "First line, with a comma.\nSecond line; with a semicolon \\ and a backslash.\n\nAfter a blank line: «кавычки» and 'quotes'.";

    [Fact]
    public async Task EveryUidDateSummaryAndStatus_ReadsBackAsWritten()
    {
        var feed = await FeedClient.ReadAsync(host.App);

        var expected = new[]
        {
            // 29 February 1996: the 31st anniversary falls on 28 February in 2027, and on 29 February in 2028.
            ("xa-xb-relations.2026@calendar.local", "2026-02-28", "2026-03-01", $"30th anniversary of diplomatic relations, {Xa} – {Xb}", "CONFIRMED"),
            ("xa-xb-relations.2027@calendar.local", "2027-02-28", "2027-03-01", $"31st anniversary of diplomatic relations, {Xa} – {Xb}", "CONFIRMED"),
            ("xa-xb-visit@calendar.local", "2027-03-05", "2027-03-06", $"{LongTitle}, {Xa} – {Xb}", "TENTATIVE"),
            ("xa-opening@calendar.local", "2027-09-01", "2027-10-01", $"Opening: Центр «Әбу», phase 1; \"A\\B\", {Xa} (September 2027, day not known)", "CONFIRMED"),
            ("xa-xb-relations.2028@calendar.local", "2028-02-29", "2028-03-01", $"32nd anniversary of diplomatic relations, {Xa} – {Xb}", "CONFIRMED"),
        };
        var actual = feed.Events.Where(e => string.CompareOrdinal(e.Start, "2029") < 0).Select(e => (e.Uid, e.Start, e.End, e.Summary, e.Status ?? ""));
        Assert.Equal(expected, actual);
        Assert.Equal(200, LongTitle.Length);
    }

    [Fact]
    public async Task LocationParticipantsNotesAndSources_KeepEveryCharacter()
    {
        var feed = await FeedClient.ReadAsync(host.App);

        var visit = feed.Event("xa-xb-visit@calendar.local");
        Assert.Equal($"Алматы, Medeu; \"Upper\", {Xa}", visit.Location);
        Assert.Contains("Participants: Әбу Насыр, Jr., O'Brien; \"Bob\"", visit.Description);
        Assert.Contains("Status: planned, not confirmed", visit.Description);
        Assert.Contains("Note: " + Note, visit.Description);
        Assert.Contains("Source: Қазақпарат, 24 June 2023: “Протокол, \"No. 1\"; part 2 \\ final” https://example.org/a?b=1&c=2,3", visit.Description);
        Assert.Equal("https://example.org/a?b=1&c=2,3", visit.Url);
        Assert.Equal(["visit"], visit.Categories);
    }

    [Fact]
    public async Task AYearPrecisionFact_IsNotInTheFeed()
    {
        var feed = await FeedClient.ReadAsync(host.App);

        Assert.DoesNotContain(feed.Events, e => e.Uid.StartsWith("xa-year-only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheBytes_AreFoldedAt75OctetsWithCrlf_AndNeverSplitACharacter()
    {
        var response = await FeedClient.GetAsync(host.App);

        // RFC 5545 §3.1: lines end in CRLF and are at most 75 octets; a fold inside a UTF-8 sequence would make the bytes invalid UTF-8.
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(response.Body);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
    }

    /// <summary>One host for the class, on 10 January 2027 (horizon 2026 to 2032); the tests only read.</summary>
    public sealed class Host : IDisposable
    {
        private readonly TempFolder _facts = new();

        public Host()
        {
            _facts.Write("awkward.yaml", $"""
                countries:
                  XA: {Quoted(Xa)}
                  XB: {Quoted(Xb)}
                facts:
                  - id: xa-xb-relations
                    kind: relations
                    countries: [XA, XB]
                    date: 1996-02-29
                    title: {Quoted("Relations; established, \"formally\" \\ at last")}
                    sources:
                      - title: {Quoted("Протокол, \"No. 1\"; part 2 \\ final")}
                        outlet: Қазақпарат
                        published: 2023-06-24
                        url: https://example.org/a?b=1&c=2,3
                  - id: xa-xb-visit
                    kind: visit
                    countries: [XA, XB]
                    date: 2027-03-05
                    status: planned
                    title: {Quoted(LongTitle)}
                    place: {"{"} city: {Quoted("Алматы, Medeu; \"Upper\"")}, country: XA {"}"}
                    participants: [{Quoted("Әбу Насыр, Jr.")}, {Quoted("O'Brien; \"Bob\"")}]
                    note: |-
                {string.Join("\n", Note.Split('\n').Select(line => line.Length == 0 ? "" : "      " + line))}
                    sources:
                      - title: {Quoted("Протокол, \"No. 1\"; part 2 \\ final")}
                        outlet: Қазақпарат
                        published: 2023-06-24
                        url: https://example.org/a?b=1&c=2,3
                  - id: xa-opening
                    kind: opening
                    recurs: false
                    countries: [XA]
                    date: 2027-09
                    title: {Quoted("Opening: Центр «Әбу», phase 1; \"A\\B\"")}
                    sources:
                      - title: Test
                  - id: xa-year-only
                    kind: signing
                    countries: [XA, XB]
                    date: 2027
                    status: planned
                    title: Known only to the year
                    sources:
                      - title: Test
                """);
            App = new CalendarApplication(_facts.Path, Instant.FromUtc(2027, 1, 10, 6, 0));
        }

        internal CalendarApplication App { get; }

        public void Dispose()
        {
            App.Dispose();
            _facts.Dispose();
        }

        /// <summary>A YAML single-quoted scalar: backslashes are literal, a quote is doubled.</summary>
        private static string Quoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
