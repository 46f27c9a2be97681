using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Calendar.Core;
using Calendar.Service.Timeline;
using Ical.Net;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;
using IcalDuration = Ical.Net.DataTypes.Duration;

namespace Calendar.Service.Feed;

/// <summary>Builds the iCalendar feed for a snapshot of the facts and a filter. Expensive: callers cache the result.</summary>
/// <remarks>
/// The feed covers the snapshot's whole-year window (<see cref="CalendarSnapshot.Window"/>), written event by event
/// with Ical.Net's own serializers: the calendar's properties, then each VEVENT as <see cref="EventSerializer"/>
/// writes it, exactly where the calendar's serializer puts its children. Built as one object graph, a feed of the
/// 130,000 events of a world-wide fact set held about 30 KB of objects per event (2.5 GB) before a byte was written;
/// here rounds of events are worded and serialized in parallel, and written in order into the feed's bytes and their
/// gzip, so that memory holds one round besides the bytes themselves.
/// </remarks>
internal sealed class FeedBuilder
{
    public const string ProductId = "-//Diplomatic Anniversary Calendar//Feed 1.0//EN";

    /// <summary>Events per round: one transaction for their SEQUENCEs (a commit is a disk flush), and about 8 MB of text in memory.</summary>
    private const int RoundSize = 4096;

    /// <summary>Events a worker serializes with one serializer before it takes the next range.</summary>
    private const int BatchSize = 256;

    private const string CalendarEnd = "END:VCALENDAR\r\n";

    private readonly EventSequences _sequences;
    private readonly FeedOptions _options;
    private readonly string _settingsAndBuild;

    public FeedBuilder(EventSequences sequences, IOptions<FeedOptions> options, IOptions<CalendarOptions> calendar)
    {
        _sequences = sequences;
        _options = options.Value;
        // Everything else the bytes depend on: the settings that shape the events, and the code that writes them.
        _settingsAndBuild = string.Join('|',
            _options.UidDomain, calendar.Value.HorizonYears, _options.RefreshInterval.Ticks, calendar.Value.JubileeEvery,
            typeof(FeedBuilder).Assembly.ManifestModule.ModuleVersionId,
            typeof(Occurrence).Assembly.ManifestModule.ModuleVersionId,
            typeof(CalendarSerializer).Assembly.ManifestModule.ModuleVersionId);
    }

    /// <summary>What every feed of <paramref name="snapshot"/> depends on besides its filter and the SEQUENCE values.</summary>
    /// <remarks>
    /// The facts (their hash, and their time, which is every DTSTAMP), the window, the settings and the build. SEQUENCE
    /// values only rise when one of these changes, so recording when the generation changed dates every feed.
    /// </remarks>
    public string GenerationOf(CalendarSnapshot snapshot)
    {
        var text = string.Join('|', snapshot.Version.Hash, snapshot.Version.LastModified.ToUnixTimeSeconds(), snapshot.Window.Start.Year, _settingsAndBuild);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>What a built feed depends on: equal keys give equal bytes.</summary>
    public static FeedKey KeyFor(CalendarSnapshot snapshot, OccurrenceFilter filter) =>
        new(snapshot.Version.Hash, snapshot.Version.LastModified, snapshot.Window.Start, filter.Key);

    public FeedDocument Build(CalendarSnapshot snapshot, OccurrenceFilter filter)
    {
        var wording = Wording.English(snapshot.Facts.Countries);
        var name = FeedFilter.Describe(filter, wording);
        var listed = snapshot.Between(snapshot.Window, filter).Where(FeedEvent.IsListed).ToList();
        using var writer = new FeedDocumentWriter();
        var header = new CalendarSerializer().SerializeToString(CreateCalendar(name, Description(snapshot.Window))) ?? "";
        if (!header.EndsWith(CalendarEnd, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Ical.Net wrote a calendar that does not end with {CalendarEnd.Trim()}.");
        }

        writer.Write(header[..^CalendarEnd.Length]);
        var stamp = snapshot.Version.LastModified;
        var rounds = listed.Chunk(RoundSize).ToList();
        // A pipeline of rounds: while this round is serialized (on every core) and written, the next is worded and
        // given its SEQUENCEs (one transaction), so that the database's turn overlaps the serializing.
        var next = rounds.Count > 0 ? Task.Run(() => Prepare(rounds[0], wording)) : null;
        for (var i = 0; i < rounds.Count; i++)
        {
            var (events, sequences) = next!.GetAwaiter().GetResult();
            next = i + 1 < rounds.Count ? Task.Run(() => Prepare(rounds[i + 1], wording)) : null;
            foreach (var text in Serialize(events, sequences, stamp))
            {
                writer.Write(text);
            }
        }

        writer.Write(CalendarEnd);
        return writer.Finish(GenerationOf(snapshot), name, listed.Count);
    }

    /// <summary>The round's events, worded in parallel, and their SEQUENCEs, recorded in one transaction.</summary>
    private (FeedEvent[] Events, IReadOnlyDictionary<string, int> Sequences) Prepare(Occurrence[] round, Wording wording)
    {
        var events = new FeedEvent[round.Length];
        Parallel.For(0, round.Length, i => events[i] = FeedEvent.From(round[i], wording, _options.UidDomain));
        return (events, _sequences.Assign(events));
    }

    /// <summary>Each event's VEVENT, as Ical.Net's event serializer writes it inside a calendar, serialized in parallel.</summary>
    private static string[] Serialize(FeedEvent[] events, IReadOnlyDictionary<string, int> sequences, Instant stamp)
    {
        var texts = new string[events.Length];
        Parallel.ForEach(Partitioner.Create(0, events.Length, BatchSize), range =>
        {
            var serializer = new EventSerializer();
            for (var i = range.Item1; i < range.Item2; i++)
            {
                texts[i] = serializer.SerializeToString(events[i].ToCalendarEvent(sequences[events[i].Uid], stamp)) ?? "";
            }
        });
        return texts;
    }

    private IcalCalendar CreateCalendar(string name, string description)
    {
        // No METHOD: a subscription is a plain calendar, not an iTIP message (RFC 5545 §3.7.2), and without
        // METHOD each DTSTAMP says when the event was last revised (§3.8.7.2).
        var calendar = new IcalCalendar { ProductId = ProductId };
        // RFC 7986 §5.1 NAME, with X-WR-CALNAME for the clients that predate it (Apple, Google, Outlook).
        calendar.AddProperty("NAME", name);
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("DESCRIPTION", description);
        calendar.AddProperty("X-WR-CALDESC", description);
        // RFC 7986 §5.7 REFRESH-INTERVAL must say VALUE=DURATION; X-PUBLISHED-TTL is what Outlook and Apple read.
        var interval = IcalDuration.FromTimeSpanExact(_options.RefreshInterval);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", interval);
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty(new CalendarProperty("X-PUBLISHED-TTL", interval));
        return calendar;
    }

    private static string Description(DateInterval horizon) =>
        $"Anniversaries of diplomatic relations and dated diplomatic events, each with its sources, from {horizon.Start.Year} to {horizon.End.Year}. "
        + "An event known only to the month spans that month; one known only to the year is on the web page, not here.";
}

/// <summary>A built feed's identity: the facts version, the window and the filter.</summary>
internal readonly record struct FeedKey(string FactsHash, Instant FactsModified, LocalDate HorizonStart, string FilterKey);
