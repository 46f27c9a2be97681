using System.IO.Compression;
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

    /// <summary>The bytes it holds, for the cache's bound.</summary>
    public long Size => Identity.Length + (ReferenceEquals(Gzip, Identity) ? 0 : Gzip.Length);
}

/// <summary>Writes a feed's text once into its identity bytes and, as it goes, into their gzip.</summary>
internal sealed class FeedDocumentWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly ChunkedBuffer _identity = new();
    private readonly ChunkedBuffer _compressed = new();
    private readonly GZipStream _gzip;
    private byte[] _scratch = new byte[ChunkedBuffer.ChunkSize];

    public FeedDocumentWriter() =>
        // Optimal rather than SmallestSize: a third of the time on a world-sized feed, for a few per cent more bytes.
        _gzip = new GZipStream(_compressed, CompressionLevel.Optimal, leaveOpen: true);

    public void Write(string text)
    {
        var needed = Utf8.GetMaxByteCount(text.Length);
        if (needed > _scratch.Length)
        {
            _scratch = new byte[Math.Max(needed, _scratch.Length * 2)];
        }

        var bytes = _scratch.AsSpan(0, Utf8.GetBytes(text, _scratch));
        _identity.Write(bytes);
        _gzip.Write(bytes);
    }

    public FeedDocument Finish(string generation, string name, int eventCount)
    {
        _gzip.Dispose();
        var identity = _identity.ToRepresentation(null);
        var gzip = _compressed.ToRepresentation("gzip");
        // A tiny feed can grow when gzipped: then everyone gets the identity bytes.
        return new FeedDocument(identity, gzip.Length < identity.Length ? gzip : identity, generation, name, eventCount);
    }

    public void Dispose()
    {
        _gzip.Dispose();
        _identity.Dispose();
        _compressed.Dispose();
    }
}
