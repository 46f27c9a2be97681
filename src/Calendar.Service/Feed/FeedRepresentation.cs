using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
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

    // An array of the arrays and ranges, not the list of memories it was written into: serving reads every piece of a
    // feed at every poll, and a piece's range is then found without reading its array (see CopySome).
    private readonly ArraySegment<byte>[] _pieces = [.. chunks.Select(Segment)];

    /// <summary>The pieces, in order: ranges of the chunks and texts they were written in.</summary>
    public IReadOnlyList<ArraySegment<byte>> Pieces => _pieces;

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
        foreach (var piece in _pieces)
        {
            piece.AsSpan().CopyTo(bytes.AsSpan(offset));
            offset += piece.Count;
        }

        return bytes;
    }

    /// <summary>Writes the bytes, letting the connection drain every few chunks so that a slow client holds no copy of them.</summary>
    /// <remarks>
    /// <para>
    /// The response is started first: until it is, Kestrel hands out buffers of its own for the body and copies them
    /// into the connection's pipe once the first flush has written the headers (<c>Http1OutputProducer</c>), so the
    /// first <see cref="FlushEvery"/> bytes of every poll were copied twice. That second copy was 5% of the service's
    /// CPU under the world benchmark's polls (perf).
    /// </para>
    /// <para>
    /// The pieces are copied into the pipe's buffers end to end, a piece split where a buffer ends: one advance per
    /// buffer, not per event, and no buffer sent part empty.
    /// </para>
    /// </remarks>
    public async Task WriteToAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        await response.StartAsync(cancellationToken);
        var writer = response.BodyWriter;
        var next = new Place();
        var unflushed = 0;
        while (next.Piece < _pieces.Length)
        {
            unflushed += CopySome(writer, ref next);
            if (unflushed >= FlushEvery)
            {
                await writer.FlushAsync(cancellationToken);
                unflushed = 0;
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Fills one buffer of the pipe from <paramref name="next"/> on, and moves it past what was copied.</summary>
    /// <remarks>A buffer of <see cref="WideBlockMemoryPool.BlockSize"/>, which Kestrel's pool gives in one block (<see cref="WideBlockMemoryPool"/>).</remarks>
    private int CopySome(System.IO.Pipelines.PipeWriter writer, ref Place next)
    {
        var buffer = writer.GetSpan(WideBlockMemoryPool.BlockSize);
        var used = 0;
        while (next.Piece < _pieces.Length && used < buffer.Length)
        {
            if (next.Offset == 0 && next.Piece + PrefetchAhead < _pieces.Length)
            {
                Prefetch(_pieces[next.Piece + PrefetchAhead]);
            }

            var rest = Bytes(_pieces[next.Piece], next.Offset);
            var copied = Math.Min(rest.Length, buffer.Length - used);
            rest[..copied].CopyTo(buffer[used..]);
            used += copied;
            next = copied == rest.Length ? new Place(next.Piece + 1, 0) : new Place(next.Piece, next.Offset + copied);
        }

        writer.Advance(used);
        return used;
    }

    /// <summary>The bytes of <paramref name="piece"/> from <paramref name="offset"/> on.</summary>
    /// <remarks>
    /// The range was checked when the piece was made. A span made the usual way reads the array's length, and a
    /// memory's span its type: for a one-country feed of the world that is 1,344 arrays scattered over 100 MB, each
    /// read from memory, not from the cache, at every poll. Under the world benchmark's polls, the loop's share of the
    /// service's CPU went from 6.4% to 2.5% (perf).
    /// </remarks>
    private static ReadOnlySpan<byte> Bytes(ArraySegment<byte> piece, int offset) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(piece.Array!), piece.Offset + offset), piece.Count - offset);

    /// <summary>Asks the processor for the start of <paramref name="piece"/> while the pieces before it are copied.</summary>
    /// <remarks>
    /// The events' texts of a one-country feed lie wherever the build wrote them, one every 75 KB or so: the hardware
    /// prefetches along a piece, never into the next. A hint only: an address that is no longer right costs a wasted
    /// fetch, never a fault, and the chunks do not move (<see cref="ChunkedBuffer.NewChunk"/>). With it, ten alternating
    /// rounds of the world benchmark's polls took 8% less CPU per poll (median 614 against 670 µs).
    /// </remarks>
    private static unsafe void Prefetch(ArraySegment<byte> piece)
    {
        if (Sse.IsSupported)
        {
            var start = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(piece.Array!), piece.Offset));
            for (var line = 0; line < Math.Min(piece.Count, PrefetchBytes); line += 64)
            {
                Sse.Prefetch0(start + line);
            }
        }
    }

    /// <summary>Pieces ahead of the one being copied whose start is asked for.</summary>
    private const int PrefetchAhead = 4;

    /// <summary>How much of a piece's start is asked for: the hardware follows on from there.</summary>
    private const int PrefetchBytes = 512;

    private static ArraySegment<byte> Segment(ReadOnlyMemory<byte> piece) =>
        MemoryMarshal.TryGetArray(piece, out var segment) ? segment : new ArraySegment<byte>(piece.ToArray());

    /// <summary>Where writing goes on: a piece, and how far into it.</summary>
    private readonly record struct Place(int Piece, int Offset);

    /// <summary>Kestrel's response pipe pauses its writer at 64 KB by default: flushing at a few times that keeps it busy.</summary>
    private const int FlushEvery = 256 * 1024;
}
