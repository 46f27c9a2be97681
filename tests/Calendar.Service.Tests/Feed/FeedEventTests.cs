using System.Security.Cryptography;
using System.Text;
using Calendar.Core;
using Calendar.Service.Feed;
using NodaTime;

namespace Calendar.Service.Tests.Feed;

/// <summary>The hash that decides an event's SEQUENCE: the databases of running services hold it, so it must never change for the same event.</summary>
public class FeedEventTests
{
    public static TheoryData<string> Shapes => ["plain", "place, link and three categories", "tentative month", "russian", "awkward text", "longer than the first buffer"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ContentHash_IsTheFirstHalfOfTheSha256OfTheFieldsJoined_AsTheDatabasesRecordedIt(string shape)
    {
        var feedEvent = Events()[shape];

        // The text every release so far has hashed: the fields joined by U+001F, the categories by U+001E.
        var text = string.Join('\u001f',
            [feedEvent.Uid, feedEvent.Summary, feedEvent.Description, feedEvent.Location ?? "", Iso(feedEvent.Start), Iso(feedEvent.EndExclusive),
             feedEvent.Tentative ? "T" : "C", string.Join('\u001e', feedEvent.Categories), feedEvent.Url?.AbsoluteUri ?? ""]);
        var recorded = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

        Assert.Equal(recorded, feedEvent.ContentHash);
    }

    [Fact]
    public void ContentHash_ChangesWithEveryFieldASubscriberSees()
    {
        var plain = Events()["plain"];
        FeedEvent[] changed =
        [
            plain with { Summary = plain.Summary + "." },
            plain with { Description = plain.Description + "." },
            plain with { Location = "Xanadu City" },
            plain with { Start = plain.Start.PlusDays(1) },
            plain with { EndExclusive = plain.EndExclusive.PlusDays(1) },
            plain with { Tentative = true },
            plain with { Categories = ["visit", "jubilee"] },
            plain with { Url = new Uri("https://example.org/") },
        ];

        Assert.Equal(changed.Length + 1, changed.Select(feedEvent => feedEvent.ContentHash).Append(plain.ContentHash).Distinct().Count());
    }

    private static Dictionary<string, FeedEvent> Events()
    {
        var day = new LocalDate(2027, 3, 2);
        var plain = new FeedEvent("xa-xb-visit@calendar.local", "Visit, Xanadu – Brobdingnag", "Visit\nNote: agenda to follow.", null, day, day.PlusDays(1), false, ["visit"], null);
        return new()
        {
            ["plain"] = plain,
            ["place, link and three categories"] = plain with
            {
                Location = "Xanadu City, Xanadu",
                Url = new Uri("https://example.org/visit?x=1&y=ä"),
                Categories = ["anniversary", "relations", "jubilee"],
            },
            ["tentative month"] = plain with { Tentative = true, Start = new LocalDate(2027, 3, 1), EndExclusive = new LocalDate(2027, 4, 1) },
            ["russian"] = plain with { Summary = "Визит, Ксанаду – Бробдингнег", Description = "Визит\nПримечание: повестка позже", Language = Language.Ru },
            ["awkward text"] = plain with { Description = "Line one\r\nLine two; with, punctuation «guillemets» 🇰🇿 and a backslash \\" },
            ["longer than the first buffer"] = plain with { Description = string.Concat(Enumerable.Repeat("Қазақстан – Ksanadu, ", 400)) },
        };
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
