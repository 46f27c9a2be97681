using System.Security.Cryptography;

namespace Calendar.Service.Feed;

/// <summary>A write-only stream that keeps what is written in chunks below the large object heap, and hashes it.</summary>
/// <remarks>
/// A <see cref="MemoryStream"/> doubles its array as it grows (copying each time) and hands back one more copy:
/// three copies of a 100 MB feed, on the large object heap, at the peak. Here each byte is copied once.
/// </remarks>
internal sealed class ChunkedBuffer : Stream
{
    /// <summary>64 KB: under the 85,000 bytes from which the runtime puts arrays on the large object heap.</summary>
    public const int ChunkSize = 64 * 1024;

    private readonly List<ReadOnlyMemory<byte>> _chunks = [];
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _current;
    private int _used;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _length += buffer.Length;
        while (!buffer.IsEmpty)
        {
            if (_current is null || _used == _current.Length)
            {
                Seal();
                _current = NewChunk();
                _used = 0;
            }

            var count = Math.Min(buffer.Length, _current.Length - _used);
            buffer[..count].CopyTo(_current.AsSpan(_used));
            _used += count;
            buffer = buffer[count..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
    }

    /// <summary>The bytes written, with the strong ETag of their SHA-256.</summary>
    public FeedRepresentation ToRepresentation(string? contentEncoding)
    {
        Seal();
        return new FeedRepresentation(_chunks, _length, contentEncoding, FeedRepresentation.TagOf(_hash.GetHashAndReset()));
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A chunk for bytes that live as long as their feed or generation, on the pinned object heap.</summary>
    /// <remarks>
    /// The pinned object heap belongs to the oldest generation and is never compacted: a world-sized build's 100 MB of
    /// text and gzip is then written once, not copied again by each of the two collections that would promote it (a
    /// good part of the first build's time in the GC), and not cleared before it is written over. Freed chunks leave
    /// holes of the same size, which the next generation's chunks fill.
    /// </remarks>
    public static byte[] NewChunk() => GC.AllocateUninitializedArray<byte>(ChunkSize, pinned: true);

    /// <summary>Keeps the chunk being filled: the last one is cut to its length, so that a small feed holds only its bytes.</summary>
    private void Seal()
    {
        if (_current is not null && _used > 0)
        {
            _chunks.Add(_used == _current.Length ? _current : _current.AsSpan(0, _used).ToArray());
        }

        _current = null;
    }
}
