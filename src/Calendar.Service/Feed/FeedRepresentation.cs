using System.Buffers;
using Microsoft.Net.Http.Headers;

namespace Calendar.Service.Feed;

/// <summary>One encoding of a feed: the bytes sent, their strong ETag, and the Content-Encoding that goes with them.</summary>
/// <remarks>
/// Held as chunks of <see cref="ChunkedBuffer.ChunkSize"/> bytes, as they were written: a world-sized feed (100 MB) is
/// then never copied into one array, never sits on the large object heap, and exists once.
/// </remarks>
internal sealed class FeedRepresentation(IReadOnlyList<ReadOnlyMemory<byte>> chunks, long length, string? contentEncoding, EntityTagHeaderValue etag)
{
    public IReadOnlyList<ReadOnlyMemory<byte>> Chunks { get; } = chunks;

    public long Length { get; } = length;

    public string? ContentEncoding { get; } = contentEncoding;

    /// <summary>A hash of the exact bytes: equal tags mean equal bytes (RFC 9110 §8.8.3, strong validator).</summary>
    public EntityTagHeaderValue ETag { get; } = etag;

    /// <summary>The bytes in one array, for tests and benchmarks; serving writes the chunks.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        var offset = 0;
        foreach (var chunk in Chunks)
        {
            chunk.Span.CopyTo(bytes.AsSpan(offset));
            offset += chunk.Length;
        }

        return bytes;
    }

    /// <summary>Writes the bytes, letting the connection drain every few chunks so that a slow client holds no copy of them.</summary>
    public async Task WriteToAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        var writer = response.BodyWriter;
        var unflushed = 0;
        foreach (var chunk in Chunks)
        {
            writer.Write(chunk.Span);
            unflushed += chunk.Length;
            if (unflushed >= FlushEvery)
            {
                await writer.FlushAsync(cancellationToken);
                unflushed = 0;
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Kestrel's response pipe pauses its writer at 64 KB by default: flushing at a few times that keeps it busy.</summary>
    private const int FlushEvery = 256 * 1024;
}
