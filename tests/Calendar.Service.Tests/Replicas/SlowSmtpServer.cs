using System.Net.Sockets;
using System.Text;

namespace Calendar.Service.Tests.Replicas;

/// <summary>An SMTP server that takes its time over each message, so that a batch of reminders lasts long enough to kill its sender.</summary>
/// <remarks>
/// It accepts everything, and records each message's envelope recipients, its <c>Message-Id</c> and the connection it
/// came on. MailDev cannot be slowed down, and a batch that ends in a second cannot be interrupted on purpose.
/// </remarks>
internal sealed class SlowSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Delivery> _received = [];
    private int _connections;

    public SlowSmtpServer(TimeSpan delayPerMessage)
    {
        DelayPerMessage = delayPerMessage;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How long the server waits after a message's data before it answers 250.</summary>
    public TimeSpan DelayPerMessage { get; }

    /// <summary>The messages accepted so far, in order.</summary>
    public IReadOnlyList<Delivery> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

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
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client, Interlocked.Increment(ref _connections));
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        using (client)
        {
            try
            {
                await ConverseAsync(client.GetStream(), connection);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client was killed mid-conversation, or the test is over: what it had not finished is not received.
            }
        }
    }

    private async Task ConverseAsync(NetworkStream stream, int connection)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 slow.test ESMTP");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var command = line.ToUpperInvariant();
            if (command.StartsWith("EHLO", StringComparison.Ordinal) || command.StartsWith("HELO", StringComparison.Ordinal))
            {
                await writer.WriteLineAsync("250 slow.test");
            }
            else if (command.StartsWith("RCPT TO:", StringComparison.Ordinal))
            {
                recipients.Add(line[8..].Trim().Trim('<', '>'));
                await writer.WriteLineAsync("250 2.1.5 OK");
            }
            else if (command == "DATA")
            {
                await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                string? messageId = null;
                while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                {
                    if (messageId is null && data.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
                    {
                        messageId = data["Message-Id:".Length..].Trim().Trim('<', '>');
                    }
                }

                // Delivered from the final dot, as a real server queues it; the answer comes later, so a sender killed
                // meanwhile never learns that this message went (the one a replica may send twice).
                lock (_received)
                {
                    _received.AddRange(recipients.Select(recipient => new Delivery(recipient, messageId ?? "", connection)));
                }

                recipients.Clear();
                await Task.Delay(DelayPerMessage, _stop.Token);
                await writer.WriteLineAsync("250 2.0.0 Queued");
            }
            else if (command == "QUIT")
            {
                await writer.WriteLineAsync("221 Bye");
                return;
            }
            else
            {
                // MAIL FROM, RSET, NOOP.
                recipients.Clear();
                await writer.WriteLineAsync("250 OK");
            }
        }
    }
}

/// <summary>One recipient of one accepted message, and the SMTP connection it came on.</summary>
internal sealed record Delivery(string Recipient, string MessageId, int Connection);
