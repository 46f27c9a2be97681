using System.Net.Sockets;
using System.Text;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A minimal SMTP server that refuses what a test tells it to: one recipient, the sender, or the message.</summary>
/// <remarks>Only for refusals: MailDev accepts everything. The happy path uses MailDev.</remarks>
internal sealed class RejectingSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public RejectingSmtpServer(string? rejected = null)
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

    /// <summary>Recipients of the messages accepted, one list per message.</summary>
    public List<List<string>> Accepted { get; } = [];

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

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 rejecting.test ESMTP");
            var recipients = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.ToUpperInvariant();
                if (command.StartsWith("EHLO", StringComparison.Ordinal) || command.StartsWith("HELO", StringComparison.Ordinal))
                {
                    await writer.WriteLineAsync("250 rejecting.test");
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
                    while (await reader.ReadLineAsync() is { } data && data != ".")
                    {
                    }

                    if (DataReply is { } refusal)
                    {
                        await writer.WriteLineAsync(refusal);
                        recipients.Clear();
                        continue;
                    }

                    lock (Accepted)
                    {
                        Accepted.Add([.. recipients]);
                    }

                    recipients.Clear();
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
    }
}
