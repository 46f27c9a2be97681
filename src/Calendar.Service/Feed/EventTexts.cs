using System.Text;
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
/// Kept in chunks of <see cref="ChunkedBuffer.ChunkSize"/> bytes, below the large object heap. Keyed by the
/// occurrence object, which the snapshot keeps for the generation's life: no UID string is kept for it.
/// </para>
/// </remarks>
internal sealed class EventTexts(string generation)
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly Lock _lock = new();
    private readonly Dictionary<Occurrence, ReadOnlyMemory<byte>> _texts = new(ReferenceEqualityComparer.Instance);
    private byte[] _chunk = [];
    private int _used;

    /// <summary>The generation (<see cref="FeedBuilder.GenerationOf"/>) whose events these are.</summary>
    public string Generation { get; } = generation;

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

    /// <summary>Keeps <paramref name="text"/> for <paramref name="occurrence"/>; the bytes kept (another build's, if it was first).</summary>
    public ReadOnlyMemory<byte> Add(Occurrence occurrence, string text)
    {
        var length = Utf8.GetByteCount(text);
        lock (_lock)
        {
            if (_texts.TryGetValue(occurrence, out var kept))
            {
                return kept;
            }

            Memory<byte> room;
            if (length > ChunkedBuffer.ChunkSize)
            {
                room = new byte[length];
            }
            else
            {
                if (_chunk.Length - _used < length)
                {
                    _chunk = ChunkedBuffer.NewChunk();
                    _used = 0;
                }

                room = _chunk.AsMemory(_used, length);
                _used += length;
            }

            Utf8.GetBytes(text, room.Span);
            _texts[occurrence] = room;
            Size += length;
            return room;
        }
    }
}
