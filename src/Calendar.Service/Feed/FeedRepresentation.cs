using System.Buffers;
using Microsoft.Net.Http.Headers;

namespace Calendar.Service.Feed;

/// <summary>One encoding of a feed: the bytes sent, their strong ETag, and the Content-Encoding that goes with them.</summary>
/// <remarks>
/// Held as pieces, as they were written (chunks of <see cref="ChunkedBuffer.ChunkSize"/> bytes, or the events' shared
/// texts, <see cref="EventTexts"/>): a world-sized feed (100 MB) is then never copied into one array, never sits on
/// the large object heap, and exists once.
/// </remarks>
/// <param name="chunks">The pieces, in order.</param>
/// <param name="length">Their bytes in all.</param>
/// <param name="contentEncoding">gzip, or null for the identity bytes.</param>
/// <param name="etag">The strong ETag of the bytes.</param>
/// <param name="ownSize">The bytes only this representation holds (default: all of them).</param>
internal sealed class FeedRepresentation(IReadOnlyList<ReadOnlyMemory<byte>> chunks, long length, string? contentEncoding, EntityTagHeaderValue etag, long? ownSize = null)
{
    /// <summary>What a piece costs in the list of pieces, besides its bytes.</summary>
    public const int PieceSize = 16;

    public IReadOnlyList<ReadOnlyMemory<byte>> Chunks { get; } = chunks;

    public long Length { get; } = length;

    public string? ContentEncoding { get; } = contentEncoding;

    /// <summary>A hash of the exact bytes: equal tags mean equal bytes (RFC 9110 §8.8.3, strong validator).</summary>
    public EntityTagHeaderValue ETag { get; } = etag;

    /// <summary>The ETag as sent, made once: a poll compares and sends this string.</summary>
    public string ETagText { get; } = etag.ToString();

    /// <summary>The bytes only this representation holds, and its list of pieces, for the cache's bound.</summary>
    public long OwnSize { get; } = (ownSize ?? length) + ((long)chunks.Count * PieceSize);

    /// <summary>The strong ETag of bytes whose SHA-256 is <paramref name="sha256"/>.</summary>
    public static EntityTagHeaderValue TagOf(byte[] sha256) => new($"\"{Convert.ToHexStringLower(sha256)[..32]}\"");

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
    /// <remarks>Small pieces (events' texts) are copied into the pipe's buffer together: one advance per buffer, not per event.</remarks>
    public async Task WriteToAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        var writer = response.BodyWriter;
        var unflushed = 0;
        var index = 0;
        while (index < Chunks.Count)
        {
            unflushed += CopySome(writer, ref index);
            if (unflushed >= FlushEvery)
            {
                await writer.FlushAsync(cancellationToken);
                unflushed = 0;
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Copies pieces from <paramref name="index"/> into one buffer of the pipe, as many as fit (a larger one alone).</summary>
    private int CopySome(System.IO.Pipelines.PipeWriter writer, ref int index)
    {
        var first = Chunks[index].Span;
        var buffer = writer.GetSpan(Math.Min(first.Length, FlushEvery));
        if (first.Length > buffer.Length)
        {
            writer.Write(first);
            index++;
            return first.Length;
        }

        var used = 0;
        while (index < Chunks.Count && Chunks[index].Length <= buffer.Length - used)
        {
            Chunks[index].Span.CopyTo(buffer[used..]);
            used += Chunks[index].Length;
            index++;
        }

        writer.Advance(used);
        return used;
    }

    /// <summary>Kestrel's response pipe pauses its writer at 64 KB by default: flushing at a few times that keeps it busy.</summary>
    private const int FlushEvery = 256 * 1024;
}
