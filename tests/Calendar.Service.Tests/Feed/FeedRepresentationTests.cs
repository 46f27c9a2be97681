using System.IO.Pipelines;
using System.Security.Cryptography;
using Calendar.Service.Feed;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Calendar.Service.Tests.Feed;

/// <summary>How a built feed's bytes go out: in order, whole, and into a response that has started.</summary>
public class FeedRepresentationTests
{
    [Fact]
    public async Task TheResponseIsStarted_BeforeAByteOfTheBodyIsAskedRoomFor()
    {
        // Kestrel keeps a body written before its response starts in buffers of its own, and copies it again once the
        // headers are out: every byte must go where the headers already are.
        var (representation, bytes) = Representation(pieces: 700, pieceSize: 1_500);
        var body = new RecordingBody();

        await representation.WriteToAsync(Response(body), CancellationToken.None);

        Assert.True(body.Started);
        Assert.Equal(0, body.RoomAskedBeforeStart);
        Assert.Equal(bytes, body.Written.ToArray());
    }

    [Fact]
    public async Task AFeedLargerThanAFlush_IsWrittenWhole_InOrder()
    {
        // 1 MB in pieces of uneven sizes, some larger than a buffer of the pipe.
        var (representation, bytes) = Representation(pieces: 200, pieceSize: 5_243);
        var body = new RecordingBody();

        await representation.WriteToAsync(Response(body), CancellationToken.None);

        Assert.Equal(bytes.Length, representation.Length);
        Assert.Equal(bytes, body.Written.ToArray());
        Assert.True(body.Flushes > 1, $"{body.Flushes} flushes for {bytes.Length:N0} bytes: the connection was never let drain on the way.");
    }

    private static (FeedRepresentation Representation, byte[] Bytes) Representation(int pieces, int pieceSize)
    {
        var random = new Random(7);
        var chunks = Enumerable.Range(0, pieces).Select(i =>
        {
            var piece = new byte[pieceSize + (i % 5 * 97)];
            random.NextBytes(piece);
            return new ReadOnlyMemory<byte>(piece);
        }).ToList();
        var bytes = chunks.SelectMany(chunk => chunk.ToArray()).ToArray();
        return (new FeedRepresentation(chunks, bytes.Length, null, FeedRepresentation.TagOf(SHA256.HashData(bytes))), bytes);
    }

    private static HttpResponse Response(RecordingBody body)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseBodyFeature>(body);
        return context.Response;
    }

    /// <summary>A response body that records whether it was started before room for the body was asked of it.</summary>
    private sealed class RecordingBody : PipeWriter, IHttpResponseBodyFeature
    {
        private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 0));

        public bool Started { get; private set; }

        public int RoomAskedBeforeStart { get; private set; }

        public int Flushes { get; private set; }

        public MemoryStream Written { get; } = new();

        public Stream Stream => throw new NotSupportedException("the feed is written through the pipe");

        public PipeWriter Writer => this;

        public Task StartAsync(CancellationToken cancellationToken = default)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public void DisableBuffering()
        {
        }

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CompleteAsync() => Task.CompletedTask;

        public override void Advance(int bytes) => _pipe.Writer.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            RoomAskedBeforeStart += Started ? 0 : 1;
            return _pipe.Writer.GetMemory(sizeHint);
        }

        public override Span<byte> GetSpan(int sizeHint = 0)
        {
            RoomAskedBeforeStart += Started ? 0 : 1;
            return _pipe.Writer.GetSpan(sizeHint);
        }

        public override void CancelPendingFlush() => _pipe.Writer.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => _pipe.Writer.Complete(exception);

        public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Flushes++;
            var result = await _pipe.Writer.FlushAsync(cancellationToken);
            // Drained as a connection would be.
            if (_pipe.Reader.TryRead(out var read))
            {
                foreach (var segment in read.Buffer)
                {
                    Written.Write(segment.Span);
                }

                _pipe.Reader.AdvanceTo(read.Buffer.End);
            }

            return result;
        }
    }
}
