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
/// here rounds of events are worded and serialized in parallel, and written in order into the feed's hash and gzip,
/// so that memory holds one round besides the bytes themselves. Each event is serialized once per generation and
/// its text shared by every feed that lists it (<see cref="EventTexts"/>).
/// </remarks>
internal sealed class FeedBuilder
{
    public const string ProductId = "-//Diplomatic Anniversary Calendar//Feed 1.0//EN";

    /// <summary>Events per round: a statement or two for their SEQUENCEs (in the build's session), and the round's worded events in memory.</summary>
    /// <remarks>
    /// Small, so that a round's events (about 1 MB of text) die before the collector promotes them: with 4,096 a round
    /// outlived two collections and the world feed's build left some 100 MB of dead events in the oldest generation
    /// (peak resident memory 472 against 378 MiB). Their SEQUENCEs are committed every few rounds (<see cref="EventSequences.CommitEvery"/>).
    /// </remarks>
    private const int RoundSize = 512;

    /// <summary>Events a worker serializes with one writer before it takes the next range.</summary>
    private const int BatchSize = 256;

    private const string CalendarEnd = "END:VCALENDAR\r\n";

    private readonly EventSequences _sequences;
    private readonly FeedOptions _options;
    private readonly string _settingsAndBuild;
    private readonly Lock _textsLock = new();
    private readonly Dictionary<Language, EventTexts> _texts = [];
    private OccurrenceTimeline? _textsTimeline;

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
    public static FeedKey KeyFor(CalendarSnapshot snapshot, OccurrenceFilter filter, Language language = Language.En) =>
        new(snapshot.Version.Hash, snapshot.Version.LastModified, snapshot.Window.Start, filter.Key, language);

    public FeedDocument Build(CalendarSnapshot snapshot, OccurrenceFilter filter, Language language = Language.En) =>
        // Another replica recorded one of its events' SEQUENCEs while this build was under way: built again, with the
        // SEQUENCEs waited for this time, so that the feed says what the database does.
        TryBuild(snapshot, filter, language, expected: true) ?? TryBuild(snapshot, filter, language, expected: false)!;

    /// <summary>The feed, or null when a SEQUENCE it was built with turned out not to be the one recorded.</summary>
    /// <param name="snapshot">The facts, and the window the feed covers.</param>
    /// <param name="filter">Which events it lists.</param>
    /// <param name="language">The language it is worded in.</param>
    /// <param name="expected">
    /// Whether the events are serialized with the SEQUENCEs expected while they are recorded (<see cref="EventSequences.Session.Expect"/>),
    /// or only once they are (<see cref="EventSequences.Session.Assign"/>), which cannot turn out wrong.
    /// </param>
    private FeedDocument? TryBuild(CalendarSnapshot snapshot, OccurrenceFilter filter, Language language, bool expected)
    {
        var wording = Wording.For(language, snapshot.Facts.Countries);
        var name = FeedFilter.Describe(filter, wording);
        var listed = snapshot.Between(snapshot.Window, filter).Where(FeedEvent.IsListed).ToList();
        var generation = GenerationOf(snapshot);
        var texts = TextsOf(generation, snapshot, language);
        var found = new ReadOnlyMemory<byte>[listed.Count];
        var missing = texts.Find(listed, found);
        var rounds = missing.Chunk(RoundSize).ToList();
        using var writer = new FeedDocumentWriter(listed.Count);
        var header = new CalendarSerializer().SerializeToString(CreateCalendar(name, Description(snapshot.Window, language), language)) ?? "";
        if (!header.EndsWith(CalendarEnd, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Ical.Net wrote a calendar that does not end with {CalendarEnd.Trim()}.");
        }

        writer.Write(header[..^CalendarEnd.Length]);
        var stamp = snapshot.Version.LastModified;
        var writers = texts.Writers;
        using var sequences = _sequences.Open(language);
        // A pipeline of the rounds of events not serialized yet, three at a time: the next round is worded and given its
        // SEQUENCEs (read from the database, written there in the background meanwhile), this one is serialized on every
        // core, and the one before it is hashed and gzipped on this thread.
        var prepare = rounds.Count > 0 ? Task.Run(() => Prepare(rounds[0], listed, wording, sequences, expected)) : null;
        Task? serialize = null;
        var written = 0;
        try
        {
            for (var i = 0; i < rounds.Count; i++)
            {
                var prepared = prepare!.GetAwaiter().GetResult();
                // The rounds themselves, not `i`: a for loop's variable is one for all its iterations, and a task may start after the next.
                var (round, following) = (rounds[i], i + 1 < rounds.Count ? rounds[i + 1] : null);
                prepare = following is not null ? Task.Run(() => Prepare(following, listed, wording, sequences, expected)) : null;
                var previous = serialize;
                serialize = Task.Run(() => Serialize(round, prepared, found, stamp, writers));
                if (previous is not null)
                {
                    previous.GetAwaiter().GetResult();
                    WriteUpTo(rounds[i - 1][^1] + 1);
                }
            }

            serialize?.GetAwaiter().GetResult();
        }
        finally
        {
            // The session is disposed below: no round may still be using it when a failed round ends the build.
            Task.WaitAll(new[] { prepare, serialize }.OfType<Task>().Select(task => task.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        WriteUpTo(found.Length);
        // Every SEQUENCE in the feed committed before anyone is served it, and before other builds take its texts.
        if (!sequences.Complete())
        {
            return null;
        }

        texts.Keep(listed, found, missing);
        writer.Write(CalendarEnd);
        return writer.Finish(generation, name, listed.Count);

        void WriteUpTo(int end)
        {
            for (; written < end; written++)
            {
                // Never empty: a hole would be an event missing from the feed without a word.
                writer.Write(found[written].IsEmpty ? throw new InvalidOperationException($"The text of event {written} of the feed was not serialized.") : found[written]);
            }
        }
    }

    /// <summary>The texts of the generation's events in one language, kept for the snapshot's occurrences: a new generation starts afresh.</summary>
    private EventTexts TextsOf(string generation, CalendarSnapshot snapshot, Language language)
    {
        lock (_textsLock)
        {
            // The occurrences are the snapshot's own objects, reused by the next snapshot of the same facts and window.
            if (!ReferenceEquals(_textsTimeline, snapshot.Timeline) || _texts.Values.Any(kept => kept.Generation != generation))
            {
                _texts.Clear();
                _textsTimeline = snapshot.Timeline;
            }

            if (!_texts.TryGetValue(language, out var texts))
            {
                _texts[language] = texts = new EventTexts(generation);
            }

            return texts;
        }
    }

    /// <summary>Words the events at <paramref name="positions"/> of <paramref name="listed"/> and records their SEQUENCEs (in the build's session).</summary>
    private (FeedEvent[] Events, IReadOnlyDictionary<string, int> Sequences) Prepare(
        int[] positions, List<Occurrence> listed, Wording wording, EventSequences.Session sequences, bool expected)
    {
        var events = new FeedEvent[positions.Length];
        Parallel.For(0, positions.Length, i => events[i] = FeedEvent.From(listed[positions[i]], wording, _options.UidDomain));
        return (events, expected ? sequences.Expect(events) : sequences.Assign(events));
    }

    /// <summary>
    /// Serializes each VEVENT as Ical.Net's event serializer writes it inside a calendar (<see cref="EventWriter"/>), in
    /// parallel, into <paramref name="found"/> at <paramref name="positions"/>.
    /// </summary>
    private static void Serialize(
        int[] positions, (FeedEvent[] Events, IReadOnlyDictionary<string, int> Sequences) prepared, ReadOnlyMemory<byte>[] found, Instant stamp, ConcurrentBag<EventWriter> writers)
    {
        var (events, assigned) = prepared;
        Parallel.ForEach(Partitioner.Create(0, events.Length, BatchSize), range =>
        {
            // One writer a thread at a time, kept for the generation: it keeps the texts that events share.
            var writer = writers.TryTake(out var idle) ? idle : new EventWriter();
            for (var i = range.Item1; i < range.Item2; i++)
            {
                found[positions[i]] = writer.Write(events[i], assigned[events[i].Uid], stamp);
            }

            writers.Add(writer);
        });
    }

    private IcalCalendar CreateCalendar(string name, string description, Language language)
    {
        // No METHOD: a subscription is a plain calendar, not an iTIP message (RFC 5545 §3.7.2), and without
        // METHOD each DTSTAMP says when the event was last revised (§3.8.7.2).
        var calendar = new IcalCalendar { ProductId = ProductId };
        // RFC 7986 §5.1 NAME, with X-WR-CALNAME for the clients that predate it (Apple, Google, Outlook).
        calendar.AddProperty("NAME", name);
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("DESCRIPTION", description);
        calendar.AddProperty("X-WR-CALDESC", description);
        if (language != Language.En)
        {
            // The calendar's name and description in the language of its events (RFC 7986 §5.1 allows LANGUAGE on NAME).
            foreach (var property in new[] { "NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC" })
            {
                calendar.Properties[property]!.Parameters.Set("LANGUAGE", language.Tag());
            }
        }

        // RFC 7986 §5.7 REFRESH-INTERVAL must say VALUE=DURATION; X-PUBLISHED-TTL is what Outlook and Apple read.
        var interval = IcalDuration.FromTimeSpanExact(_options.RefreshInterval);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", interval);
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty(new CalendarProperty("X-PUBLISHED-TTL", interval));
        return calendar;
    }

    private static string Description(DateInterval horizon, Language language) => language switch
    {
        Language.Ru => $"Годовщины дипломатических отношений и дипломатические события с известной датой, у каждого свои источники, с {horizon.Start.Year} по {horizon.End.Year} год. "
            + "Событие, у которого известен только месяц, занимает весь месяц; событие, у которого известен только год, есть на веб-странице, но не здесь.",
        Language.Kk => $"Дипломатиялық қатынастардың мерейтойлары мен күні белгілі дипломатиялық оқиғалар, әрқайсысы өз дереккөздерімен, {horizon.Start.Year}–{horizon.End.Year} жылдар. "
            + "Тек айы белгілі оқиға бүкіл айды алады; тек жылы белгілі оқиға веб-бетте бар, мұнда жоқ.",
        _ => $"Anniversaries of diplomatic relations and dated diplomatic events, each with its sources, from {horizon.Start.Year} to {horizon.End.Year}. "
            + "An event known only to the month spans that month; one known only to the year is on the web page, not here.",
    };
}

/// <summary>A built feed's identity: the facts version, the window, the filter and the language.</summary>
internal readonly record struct FeedKey(string FactsHash, Instant FactsModified, LocalDate HorizonStart, string FilterKey, Language Language = Language.En);
