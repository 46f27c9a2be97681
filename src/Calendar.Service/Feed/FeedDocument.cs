using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Calendar.Service.Feed;

/// <summary>A built feed: its exact bytes, gzipped once, each with the strong ETag of its own bytes.</summary>
/// <remarks>
/// Compressed here, once per build, rather than by the response compression middleware on every poll: a
/// poll then costs a lookup and a copy, and each representation gets its own strong validator, as
/// RFC 9110 §8.8.3 requires (the middleware would send the identity ETag over gzipped bytes).
/// </remarks>
internal sealed class FeedDocument
{
    public FeedDocument(FeedRepresentation identity, string generation, string name, int eventCount)
    {
        Identity = identity;
        var gzip = Compress(identity.Bytes);
        // A tiny feed can grow when gzipped: then everyone gets the identity bytes.
        Gzip = gzip.Length < identity.Bytes.Length ? new FeedRepresentation(gzip, "gzip") : Identity;
        Generation = generation;
        Name = name;
        EventCount = eventCount;
    }

    public FeedRepresentation Identity { get; }

    public FeedRepresentation Gzip { get; }

    /// <summary>What its bytes depend on besides the filter; <see cref="FeedChanges"/> dates it for Last-Modified.</summary>
    public string Generation { get; }

    /// <summary>The calendar's name (NAME, X-WR-CALNAME).</summary>
    public string Name { get; }

    public int EventCount { get; }

    private static byte[] Compress(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}

/// <summary>One encoding of a feed: the bytes sent, their strong ETag, and the Content-Encoding that goes with them.</summary>
internal sealed class FeedRepresentation(byte[] bytes, string? contentEncoding)
{
    public byte[] Bytes { get; } = bytes;

    public string? ContentEncoding { get; } = contentEncoding;

    /// <summary>A hash of the exact bytes: equal tags mean equal bytes (RFC 9110 §8.8.3, strong validator).</summary>
    public EntityTagHeaderValue ETag { get; } = new($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
}
