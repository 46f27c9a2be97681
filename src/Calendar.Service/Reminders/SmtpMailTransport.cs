using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.IO;

namespace Calendar.Service.Reminders;

/// <summary>Sends over SMTP with MailKit: one connection per batch, reconnected if the server drops it.</summary>
internal sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IMailSession>(new Session(options));

    private sealed class Session(SmtpOptions options) : IMailSession
    {
        // SmtpClient is not thread-safe: one per session, used by one batch in sequence.
        private readonly SmtpClient _client = new();

        public async Task SendAsync(MimeMessage message, Task holdUntil, CancellationToken cancellationToken)
        {
            var body = message.Body;
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAsync(cancellationToken);
                }

                if (!holdUntil.IsCompleted && body is Multipart multipart)
                {
                    message.Body = new HeldMultipart(multipart, holdUntil);
                }
                else
                {
                    await holdUntil;
                }

                await _client.SendAsync(message, cancellationToken);
            }
            catch when (holdUntil.IsFaulted)
            {
                // MailKit dropped the connection before the final dot: the server took nothing. What held it back is the news.
                await holdUntil;
                throw;
            }
            catch (SmtpCommandException e)
            {
                throw new MailDeliveryException($"SMTP {(int)e.StatusCode}: {e.Message}", Classify(e, _client.IsConnected), e);
            }
            catch (Exception e) when (e is SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException or SslHandshakeException or AuthenticationException or TimeoutException)
            {
                throw new MailDeliveryException($"SMTP server {options.Host}:{options.Port} unavailable: {e.Message}", MailFailure.ServerUnavailable, e);
            }
            finally
            {
                message.Body = body;
            }
        }

        /// <summary>Whose problem a refusal is: MailKit says which command was refused.</summary>
        /// <remarks>
        /// Only a 5xx to RCPT TO is about the recipient (RFC 5321 §4.2.5: 550 "mailbox unavailable"). A 5xx to
        /// MAIL FROM is about the sender (not allowed to send as that address, relaying denied), and one to the
        /// data is about this message or the relay's policy: none of it says the recipient's address is wrong, so
        /// the reminders stay owed and /health reports the server's words. 4xx is transient, whatever it answers;
        /// 421 closes the connection.
        /// </remarks>
        private static MailFailure Classify(SmtpCommandException e, bool connected) => e switch
        {
            { ErrorCode: SmtpErrorCode.RecipientNotAccepted, StatusCode: >= (SmtpStatusCode)500 } => MailFailure.RecipientRefused,
            { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } when connected => MailFailure.MessageNotSent,
            _ => MailFailure.ServerUnavailable,
        };

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                try
                {
                    await _client.DisconnectAsync(quit: true);
                }
                catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException)
                {
                    // The batch is done either way; the server went away first.
                }
            }

            _client.Dispose();
        }

        private async Task ConnectAsync(CancellationToken cancellationToken)
        {
            var security = options.Security switch
            {
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            };
            _client.Timeout = 30_000;
            // Nagle's algorithm off: with it, each message's small commands waited for the server's delayed ACK
            // (about 40 ms a message on loopback, most of a batch's time). MailKit takes a connected socket for that.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(options.Host!, options.Port, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await _client.ConnectAsync(socket, options.Host!, options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.User))
            {
                await _client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
            }
        }
    }

    /// <summary>A message's body, written as it is, then held until a task completes: MailKit writes the final dot after it.</summary>
    /// <remarks>
    /// MailKit sends DATA's terminator once <see cref="MimeMessage.WriteToAsync(FormatOptions, Stream, CancellationToken)"/>
    /// returns, and a message's body is the last thing it writes; when the task fails, MailKit drops the connection with
    /// the data unterminated, which the server discards (RFC 5321 §4.1.1.4). Only the write to the server is held:
    /// the envelope and the content go on the wire while the digest before is marked.
    /// </remarks>
    private sealed class HeldMultipart : Multipart
    {
        private readonly Task _holdUntil;

        public HeldMultipart(Multipart body, Task holdUntil)
            : base(body.ContentType.MediaSubtype)
        {
            _holdUntil = holdUntil;
            // It owns nothing to release (its parts are the message's, disposed with it): no finalizer to wait for.
            GC.SuppressFinalize(this);
            if (body.Boundary is { } boundary)
            {
                Boundary = boundary;
            }

            Preamble = body.Preamble;
            Epilogue = body.Epilogue;
            foreach (var part in body)
            {
                Add(part);
            }
        }

        public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        {
            await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
            // MailKit counts a message's bytes for a server that declares SIZE (RFC 1870) by writing it to a
            // MeasuringStream before MAIL FROM: held there, nothing of the message would go before the hold ends.
            if (stream is not MeasuringStream)
            {
                await _holdUntil.WaitAsync(cancellationToken);
            }
        }
    }
}
