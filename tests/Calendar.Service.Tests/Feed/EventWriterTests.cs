using System.Text;
using Calendar.Core;
using Calendar.Service.Feed;
using Ical.Net.Serialization;
using NodaTime;

namespace Calendar.Service.Tests.Feed;

/// <summary>The feed's VEVENTs, written property by property with the texts that events share, byte for byte as Ical.Net's event serializer writes them.</summary>
public class EventWriterTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2027, 1, 11, 8, 0, 5);

    public static TheoryData<string> Shapes => ["plain", "tentative", "month", "jubilee", "russian", "place and link", "awkward text", "sequence 3"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AnEvent_IsWrittenAsTheEventSerializerWritesIt_AfterEventsThatShareItsProperties(string shape)
    {
        // One writer for all of them, in this order and again: what one event keeps must never leak into another.
        var writer = new EventWriter();
        foreach (var earlier in Events().Concat(Events()))
        {
            writer.Write(earlier.Event, earlier.Sequence, Stamp);
        }

        var (feedEvent, sequence) = Events().Single(candidate => candidate.Shape == shape) is var chosen ? (chosen.Event, chosen.Sequence) : default;

        var written = Encoding.UTF8.GetString(writer.Write(feedEvent, sequence, Stamp).Span);

        Assert.Equal(new EventSerializer().SerializeToString(feedEvent.ToCalendarEvent(sequence, Stamp)), written);
    }

    [Fact]
    public void EventsOfDifferentDatesAndStatuses_KeepTheirOwn()
    {
        var writer = new EventWriter();
        var confirmed = Encoding.UTF8.GetString(writer.Write(Event("a", new LocalDate(2027, 3, 2)), 0, Stamp).Span);
        var tentative = Encoding.UTF8.GetString(writer.Write(Event("b", new LocalDate(2027, 3, 9)) with { Tentative = true }, 2, Stamp).Span);

        Assert.Contains("DTSTART;VALUE=DATE:20270302\r\n", confirmed, StringComparison.Ordinal);
        Assert.Contains("STATUS:CONFIRMED\r\n", confirmed, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0\r\n", confirmed, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270309\r\n", tentative, StringComparison.Ordinal);
        Assert.Contains("STATUS:TENTATIVE\r\n", tentative, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:2\r\n", tentative, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Shape, FeedEvent Event, int Sequence)> Events()
    {
        var day = new LocalDate(2027, 3, 2);
        yield return ("plain", Event("plain", day), 0);
        yield return ("tentative", Event("tentative", day) with { Tentative = true }, 0);
        yield return ("month", Event("month", new LocalDate(2027, 3, 1)) with { EndExclusive = new LocalDate(2027, 4, 1), Summary = "Visit (March 2027)" }, 0);
        yield return ("jubilee", Event("jubilee", day) with { Categories = ["anniversary", "relations", "jubilee"] }, 0);
        yield return ("russian", Event("russian", day) with { Summary = "Визит, Ксанаду – Бробдингнег", Description = "Визит\nПримечание: повестка позже", Language = Language.Ru }, 1);
        yield return ("place and link", Event("place", day) with { Location = "Xanadu City, Xanadu", Url = new Uri("https://example.org/visit?x=1&y=2") }, 0);
        yield return ("awkward text", Event("awkward", day) with
        {
            Summary = "Talks; agenda, \"quotes\" and a backslash \\ in a summary long enough to be folded by the serializer at seventy-five octets",
            Description = "Line one\nLine two; with, punctuation\r\nand a crlf — and «guillemets» past the fold: ääääääääääääääääääääääääääääääääääääää",
        }, 0);
        yield return ("sequence 3", Event("sequence", day), 3);
    }

    private static FeedEvent Event(string uid, LocalDate day) =>
        new($"xa-xb-{uid}@calendar.local", "Visit, Xanadu – Brobdingnag", "Visit\nNote: agenda to follow.", null, day, day.PlusDays(1), false, ["visit"], null);
}
