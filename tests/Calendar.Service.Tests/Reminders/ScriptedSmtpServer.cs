using System.Net.Sockets;
using System.Text;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A minimal SMTP server that answers as a test tells it to: it refuses one recipient, the sender or the message, or takes its time over each message.</summary>
/// <remarks>
/// MailDev accepts everything at once; the happy path uses it. What it cannot do is refuse, or be slow enough for a
/// batch of reminders to last until its sender is killed. Each accepted message is recorded with its envelope
/// recipients, its <c>Message-Id</c> and the connection it came on.
/// </remarks>
internal sealed class ScriptedSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<AcceptedMessage> _accepted = [];
    private int _connections;
    private int _begun;
    private int _ended;

    public ScriptedSmtpServer(string? rejected = null)
    {
        Reject = rejected;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The recipient answered 550 at RCPT TO; null: every recipient is accepted.</summary>
    public string? Reject { get; set; }

    /// <summary>The answer to MAIL FROM, e.g. "550 5.7.1 Sender address rejected"; null: 250.</summary>
    public string? SenderReply { get; set; }

    /// <summary>The answer after the message's data, e.g. "554 5.7.1 Message refused as spam"; null: 250.</summary>
    public string? DataReply { get; set; }

    /// <summary>The service extensions its EHLO answer declares, e.g. "SIZE 10240000" as Postfix and MailDev do; none by default.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>How long the server waits after a message's data before it answers 250.</summary>
    public TimeSpan DelayPerMessage { get; init; }

    /// <summary>Runs once a message's data has ended, before the server answers, with its number (from 1) in the order their data ended, across connections.</summary>
    public Func<int, Task>? BeforeAnswering { get; set; }

    /// <summary>How many DATA commands the server has answered with 354: messages begun, taken or not.</summary>
    public int MessagesBegun => Volatile.Read(ref _begun);

    /// <summary>Recipients of the messages accepted so far, one list per message, in order.</summary>
    public List<List<string>> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted.Select(message => message.Recipients.ToList())];
            }
        }
    }

    /// <summary>One row per recipient of each message accepted so far, in order.</summary>
    public IReadOnlyList<Delivery> Received
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted.SelectMany(message => message.Recipients.Select(recipient => new Delivery(recipient, message.MessageId, message.Connection)))];
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
        await writer.WriteLineAsync("220 scripted.test ESMTP");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var command = line.ToUpperInvariant();
            if (command.StartsWith("EHLO", StringComparison.Ordinal) || command.StartsWith("HELO", StringComparison.Ordinal))
            {
                string[] lines = ["scripted.test", .. Extensions];
                await writer.WriteLineAsync(string.Join("\r\n", lines.Select((line, i) => (i == lines.Length - 1 ? "250 " : "250-") + line)));
            }
            else if (command.StartsWith("RCPT TO:", StringComparison.Ordinal))
            {
                var address = line[8..].Trim().Trim('<', '>');
                if (string.Equals(address, Reject, StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync("550 5.1.1 No such user here");
                }
                else
                {
                    recipients.Add(address);
                    await writer.WriteLineAsync("250 2.1.5 OK");
                }
            }
            else if (command == "DATA")
            {
                await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                Interlocked.Increment(ref _begun);
                if (await ReadDataAsync(reader) is not (true, var messageId))
                {
                    // The connection closed before the final dot: the data never ended, so there is no message (RFC 5321 §4.1.1.4).
                    return;
                }

                var number = Interlocked.Increment(ref _ended);
                if (BeforeAnswering is { } hook)
                {
                    await hook(number);
                }

                if (DataReply is { } refusal)
                {
                    recipients.Clear();
                    await writer.WriteLineAsync(refusal);
                    continue;
                }

                // Taken from the final dot, as a real server queues it; the answer may come later, so a sender killed
                // meanwhile never learns that this message went (the one a replica may send twice).
                lock (_accepted)
                {
                    _accepted.Add(new AcceptedMessage([.. recipients], messageId ?? "", connection));
                }

                recipients.Clear();
                await Task.Delay(DelayPerMessage, _stop.Token);
                await writer.WriteLineAsync("250 2.0.0 Queued");
            }
            else if (command.StartsWith("MAIL FROM:", StringComparison.Ordinal) && SenderReply is { } senderRefusal)
            {
                recipients.Clear();
                await writer.WriteLineAsync(senderRefusal);
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

    /// <summary>Reads a message's data up to the final dot: whether it came, and the message's Message-Id, if it has one.</summary>
    private async Task<(bool Ended, string? MessageId)> ReadDataAsync(StreamReader reader)
    {
        string? messageId = null;
        while (await reader.ReadLineAsync(_stop.Token) is { } data)
        {
            if (data == ".")
            {
                return (true, messageId);
            }

            if (messageId is null && data.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
            {
                messageId = data["Message-Id:".Length..].Trim().Trim('<', '>');
            }
        }

        return (false, messageId);
    }

    private sealed record AcceptedMessage(IReadOnlyList<string> Recipients, string MessageId, int Connection);
}

/// <summary>One recipient of one accepted message, and the SMTP connection it came on.</summary>
internal sealed record Delivery(string Recipient, string MessageId, int Connection);
