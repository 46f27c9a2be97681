using System.Collections.Concurrent;
using Calendar.Core;

namespace Calendar.Service.Feed;

/// <summary>The VEVENTs of one feed generation as UTF-8 bytes, each serialized once and shared by every feed that lists it.</summary>
/// <remarks>
/// <para>
/// An event's text depends on the generation (facts, window, settings, build) and on the event, never on the filter:
/// the unfiltered feed and the feed of each of its two countries send the same bytes for it. Held once here, a feed
/// is its own header and footer around slices of these bytes, plus its gzip; at world scale the 193 one-country feeds
/// (204 MB of text between them) and the unfiltered feed (102 MB) then hold 102 MB of text, not 306 MB, and a feed
/// whose events were serialized before is built without serializing any.
/// </para>
/// <para>
/// Bounded by the window: every event of the generation at most once, as the snapshot holds every occurrence once.
/// Written in chunks of <see cref="ChunkedBuffer.ChunkSize"/> bytes (<see cref="EventWriter"/>), below the large object heap. Keyed by the
/// occurrence object, which the snapshot keeps for the generation's life: no UID string is kept for it.
/// </para>
/// </remarks>
internal sealed class EventTexts(string generation)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Occurrence, ReadOnlyMemory<byte>> _texts = new(ReferenceEqualityComparer.Instance);

    /// <summary>The generation (<see cref="FeedBuilder.GenerationOf"/>) whose events these are.</summary>
    public string Generation { get; } = generation;

    /// <summary>Writers of the generation's events, kept between its builds with the property texts they share (<see cref="EventWriter"/>).</summary>
    /// <remarks>A one-country feed of the world spans thousands of dates for its 1,344 events: a writer new to each build wrote most of them afresh.</remarks>
    public ConcurrentBag<EventWriter> Writers { get; } = [];

    /// <summary>Bytes of text kept.</summary>
    public long Size { get; private set; }

    /// <summary>How many events are kept.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _texts.Count;
            }
        }
    }

    /// <summary>Fills <paramref name="texts"/> with the kept text of each occurrence; the positions of those not kept yet.</summary>
    public List<int> Find(IReadOnlyList<Occurrence> occurrences, ReadOnlyMemory<byte>[] texts)
    {
        List<int> missing = [];
        lock (_lock)
        {
            for (var i = 0; i < occurrences.Count; i++)
            {
                if (!_texts.TryGetValue(occurrences[i], out texts[i]))
                {
                    missing.Add(i);
                }
            }
        }

        return missing;
    }

    /// <summary>Keeps the texts at <paramref name="positions"/> for their occurrences, unless another build kept one first.</summary>
    /// <remarks>
    /// Called once the build's SEQUENCEs are committed (<see cref="EventSequences.Session.Complete"/>): a text kept here
    /// is served by other builds without asking the database, so it never holds a SEQUENCE that could still be rolled back.
    /// </remarks>
    public void Keep(IReadOnlyList<Occurrence> occurrences, ReadOnlyMemory<byte>[] texts, IEnumerable<int> positions)
    {
        lock (_lock)
        {
            foreach (var i in positions)
            {
                if (_texts.TryAdd(occurrences[i], texts[i]))
                {
                    Size += texts[i].Length;
                }
            }
        }
    }
}
