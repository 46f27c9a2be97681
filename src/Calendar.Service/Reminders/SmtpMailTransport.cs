using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Calendar.Service.Reminders;

/// <summary>Sends over SMTP with MailKit: one connection per batch, reconnected if the server drops it.</summary>
internal sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IMailSession>(new Session(options));

    private sealed class Session(SmtpOptions options) : IMailSession
    {
        // SmtpClient is not thread-safe: one per session, used by one batch in sequence.
        private readonly SmtpClient _client = new();

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAsync(cancellationToken);
                }

                await _client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException e)
            {
                // 5xx refusing this recipient or message is permanent; 4xx (451, 452) and 421 are worth another try later.
                var permanent = (int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted or SmtpErrorCode.SenderNotAccepted;
                throw new MailDeliveryException($"SMTP {(int)e.StatusCode}: {e.Message}", permanent, connectionLost: !_client.IsConnected, e);
            }
            catch (Exception e) when (e is SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException or SslHandshakeException or AuthenticationException or TimeoutException)
            {
                throw new MailDeliveryException($"SMTP server {options.Host}:{options.Port} unavailable: {e.Message}", isPermanent: false, connectionLost: true, e);
            }
        }

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
            await _client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.User))
            {
                await _client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
            }
        }
    }
}
