using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Calendar.Benchmarks;

/// <summary>An SMTP server on loopback that takes every message at once and keeps none: what is measured is the sender.</summary>
/// <remarks>
/// It declares PIPELINING and SIZE, as real servers do (Postfix's 10 MB limit): a client may send MAIL and RCPT in one
/// go, and MailKit counts each message's bytes before MAIL FROM, as it does for a real server. Its sockets
/// have Nagle's algorithm off: with it on, small answers wait for delayed ACKs (about 40 ms a message here).
/// </remarks>
internal sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _accepted;

    public SmtpSink()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages taken since the sink started.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n" };
            await Reply(writer, "220 sink.bench ESMTP");
            try
            {
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase))
                    {
                        await Reply(writer, "250-sink.bench\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    }
                    else if (line.Equals("DATA", StringComparison.OrdinalIgnoreCase))
                    {
                        await Reply(writer, "354 End data with <CR><LF>.<CR><LF>");
                        string? data;
                        while ((data = await reader.ReadLineAsync()) is not (null or "."))
                        {
                        }

                        if (data is null)
                        {
                            // Gone before the final dot: no message.
                            return;
                        }

                        Interlocked.Increment(ref _accepted);
                        await Reply(writer, "250 2.0.0 Queued");
                    }
                    else if (line.Equals("QUIT", StringComparison.OrdinalIgnoreCase))
                    {
                        await Reply(writer, "221 Bye");
                        return;
                    }
                    else
                    {
                        // HELO, MAIL FROM, RCPT TO, RSET, NOOP.
                        await Reply(writer, "250 OK");
                    }
                }
            }
            catch (IOException)
            {
                // The client went away.
            }
        }
    }

    private static async Task Reply(StreamWriter writer, string text)
    {
        await writer.WriteLineAsync(text);
        await writer.FlushAsync();
    }
}
