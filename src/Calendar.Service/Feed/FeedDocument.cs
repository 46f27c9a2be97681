using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Calendar.Service.Feed;

/// <summary>A built feed: its exact bytes, gzipped once, each with the strong ETag of its own bytes.</summary>
/// <remarks>
/// Compressed here, once per build, rather than by the response compression middleware on every poll: a
/// poll then costs a lookup and a copy, and each representation gets its own strong validator, as
/// RFC 9110 §8.8.3 requires (the middleware would send the identity ETag over gzipped bytes).
/// </remarks>
internal sealed class FeedDocument(FeedRepresentation identity, FeedRepresentation gzip, string generation, string name, int eventCount)
{
    public FeedRepresentation Identity { get; } = identity;

    public FeedRepresentation Gzip { get; } = gzip;

    /// <summary>What its bytes depend on besides the filter; <see cref="FeedChanges"/> dates it for Last-Modified.</summary>
    public string Generation { get; } = generation;

    /// <summary>The calendar's name (NAME, X-WR-CALNAME).</summary>
    public string Name { get; } = name;

    public int EventCount { get; } = eventCount;

    /// <summary>The bytes it holds of its own, for the cache's bound: its gzip and its pieces, not the events' shared texts.</summary>
    /// <remarks>The shared texts belong to the generation (<see cref="EventTexts"/>), bounded by the window as the snapshot is.</remarks>
    public long Size => Identity.OwnSize + (ReferenceEquals(Gzip, Identity) ? 0 : Gzip.OwnSize);
}

/// <summary>Puts a feed together from its own text and the shared texts of its events, hashing it and gzipping it as it goes.</summary>
/// <remarks>
/// The identity bytes are never copied: they are the list of their pieces (<see cref="EventTexts"/>), so that a feed
/// holds its header, its footer and its gzip, and each event's text exists once however many feeds list it.
/// </remarks>
internal sealed class FeedDocumentWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly List<ReadOnlyMemory<byte>> _pieces;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ChunkedBuffer _compressed = new();
    private readonly GZipStream _gzip;
    private long _length;
    private long _own;

    public FeedDocumentWriter(int events)
    {
        _pieces = new List<ReadOnlyMemory<byte>>(events + 2);
        // Optimal rather than SmallestSize: a third of the time on a world-sized feed, for a few per cent more bytes.
        _gzip = new GZipStream(_compressed, CompressionLevel.Optimal, leaveOpen: true);
    }

    /// <summary>Text of this feed's own (its calendar's properties, its end).</summary>
    public void Write(string text)
    {
        var bytes = Utf8.GetBytes(text);
        _own += bytes.Length;
        Write(bytes);
    }

    /// <summary>Bytes that stay where they are (an event's text, shared with other feeds).</summary>
    public void Write(ReadOnlyMemory<byte> bytes)
    {
        _pieces.Add(bytes);
        _length += bytes.Length;
        _hash.AppendData(bytes.Span);
        _gzip.Write(bytes.Span);
    }

    public FeedDocument Finish(string generation, string name, int eventCount)
    {
        _gzip.Dispose();
        var identity = new FeedRepresentation(_pieces, _length, null, FeedRepresentation.TagOf(_hash.GetHashAndReset()), _own);
        var gzip = _compressed.ToRepresentation("gzip");
        // A tiny feed can grow when gzipped: then everyone gets the identity bytes.
        return new FeedDocument(identity, gzip.Length < identity.Length ? gzip : identity, generation, name, eventCount);
    }

    public void Dispose()
    {
        _gzip.Dispose();
        _hash.Dispose();
        _compressed.Dispose();
    }
}
