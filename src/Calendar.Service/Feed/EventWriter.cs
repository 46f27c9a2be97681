using System.Text;
using Calendar.Core;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.Serialization;
using NodaTime;

namespace Calendar.Service.Feed;

/// <summary>Writes VEVENTs as Ical.Net's <see cref="EventSerializer"/> writes them, property by property with its <see cref="PropertySerializer"/>.</summary>
/// <remarks>
/// <para>
/// The component serializer writes <c>BEGIN:VEVENT</c>, each property as the property serializer writes it, in order of
/// their names, and <c>END:VEVENT</c>; a property's text depends on the property alone. Most of an event's properties
/// are the same for thousands of events of a feed (the stamps, STATUS, TRANSP, CATEGORIES, SEQUENCE, and the dates of
/// a day): their text is kept here once it is written, and only the event's own text (UID, SUMMARY, DESCRIPTION,
/// LOCATION, URL) is serialized for each event. At world scale that is 3 properties of 11 for most events: serializing
/// every property took as long as a plain serialization of the whole calendar.
/// </para>
/// <para>
/// Every property is still made by <see cref="FeedEvent"/>, as <see cref="FeedEvent.Fill"/> makes it, and written by Ical.Net:
/// the event's own properties are kept here, one of each name, and set for each event (<see cref="FeedEvent.SetOwnText"/>);
/// a shared property's text is the one Ical.Net wrote for the first event that had it. One writer per thread; its kept
/// texts are bounded by what varies among a generation's events (dates of the window, SEQUENCE values, category lists).
/// </para>
/// </remarks>
internal sealed class EventWriter
{
    /// <summary>Properties many events share, with what their text depends on.</summary>
    private static readonly (string Name, Func<FeedEvent, int, Instant, object> Key)[] SharedNames =
    [
        ("CATEGORIES", (e, _, _) => string.Join('\u001e', e.Categories)),
        ("DTSTART", (e, _, _) => e.Start),
        ("DTEND", (e, _, _) => e.EndExclusive),
        ("DTSTAMP", (_, _, stamp) => stamp),
        ("LAST-MODIFIED", (_, _, stamp) => stamp),
        ("SEQUENCE", (_, sequence, _) => sequence),
        ("STATUS", (e, _, _) => e.Tentative),
        ("TRANSP", (_, _, _) => true),
    ];

    /// <summary>
    /// All of them in the component serializer's order (by name, with the default comparer, as its OrderBy sorts), each
    /// with its place among the event's own (<see cref="FeedEvent.OwnTextNames"/>) or the shared ones, -1 in the other.
    /// </summary>
    private static readonly (string Name, int Own, int Shared)[] Order =
    [
        .. FeedEvent.OwnTextNames.Select((name, i) => (name, i, -1))
            .Concat(SharedNames.Select((shared, i) => (shared.Name, -1, i)))
            .OrderBy(property => property.Item1, Comparer<string>.Default),
    ];

    // A context of its own: the default one shares its services (an encoding stack among them) with every other.
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly PropertySerializer _serializer = new(new SerializationContext());
    /// <summary>The events' own properties, one of each name per language, set for each event in turn (<see cref="FeedEvent.SetOwnText"/>).</summary>
    private readonly Dictionary<Language, CalendarProperty[]> _own = [];
    private readonly CalendarEvent _sharedEvent = new();
    private readonly Dictionary<(int Shared, object Key), string> _shared = [];
    private (FeedEvent? Event, int Sequence, Instant Stamp) _sharedFilledFor;
    private readonly string _begin;
    private readonly string _end;
    private char[] _text = new char[4096];
    private int _length;
    private byte[] _chunk = [];
    private int _used;

    public EventWriter()
    {
        // The component's first and last lines, as the component serializer writes them around an event without properties.
        var empty = new CalendarEvent();
        empty.Properties.Clear();
        var text = new EventSerializer().SerializeToString(empty) ?? "";
        var split = text.IndexOf("\r\n", StringComparison.Ordinal) + 2;
        (_begin, _end) = (text[..split], text[split..]);
    }

    /// <summary>The VEVENT of <paramref name="feedEvent"/> with its SEQUENCE and stamp, as UTF-8 in this writer's chunks.</summary>
    /// <remarks>Chunks of <see cref="ChunkedBuffer.NewChunk"/>, of this writer alone: threads write without a lock, and a feed's pieces stay where they are written.</remarks>
    public ReadOnlyMemory<byte> Write(FeedEvent feedEvent, int sequence, Instant stamp)
    {
        var text = Text(feedEvent, sequence, stamp);
        var length = Utf8.GetByteCount(text);
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
        return room;
    }

    private ReadOnlySpan<char> Text(FeedEvent feedEvent, int sequence, Instant stamp)
    {
        if (!_own.TryGetValue(feedEvent.Language, out var own))
        {
            _own[feedEvent.Language] = own = [.. FeedEvent.OwnTextNames.Select(name => FeedEvent.OwnTextProperty(name, feedEvent.Language))];
        }

        foreach (var property in own)
        {
            feedEvent.SetOwnText(property);
        }

        _length = 0;
        Append(_begin);
        foreach (var (_, ownAt, shared) in Order)
        {
            Append(ownAt >= 0 ? _serializer.SerializeToString(own[ownAt]) : Shared(shared, feedEvent, sequence, stamp));
        }

        Append(_end);
        return _text.AsSpan(0, _length);
    }

    private string? Shared(int shared, FeedEvent feedEvent, int sequence, Instant stamp)
    {
        var key = (shared, SharedNames[shared].Key(feedEvent, sequence, stamp));
        if (!_shared.TryGetValue(key, out var text))
        {
            // Once for an event, whichever of its shared properties is new: one of a day the feed has not had yet lacks two (its dates).
            if (!ReferenceEquals(_sharedFilledFor.Event, feedEvent) || _sharedFilledFor.Sequence != sequence || _sharedFilledFor.Stamp != stamp)
            {
                feedEvent.FillShared(_sharedEvent, sequence, stamp);
                _sharedFilledFor = (feedEvent, sequence, stamp);
            }

            text = _serializer.SerializeToString(_sharedEvent.Properties[SharedNames[shared].Name]) ?? "";
            _shared[key] = text;
        }

        return text;
    }

    private void Append(string? text)
    {
        if (text is null)
        {
            return;
        }

        if (_text.Length - _length < text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + text.Length));
        }

        text.CopyTo(_text.AsSpan(_length));
        _length += text.Length;
    }
}
