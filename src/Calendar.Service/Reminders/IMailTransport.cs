using MimeKit;

namespace Calendar.Service.Reminders;

/// <summary>Where mail goes: an SMTP server, or the outbox folder when none is configured.</summary>
internal interface IMailTransport
{
    /// <summary>A session for one batch: an SMTP transport keeps one connection open across it.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

internal interface IMailSession : IAsyncDisposable
{
    /// <exception cref="MailDeliveryException">The message was not accepted; <see cref="MailDeliveryException.IsPermanent"/> says whether to try again.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A failed delivery, classified: transient (connection refused, 4xx: retry later) or permanent (5xx for this recipient).</summary>
internal sealed class MailDeliveryException(string message, bool isPermanent, bool connectionLost, Exception? inner = null)
    : Exception(message, inner)
{
    public bool IsPermanent { get; } = isPermanent;

    /// <summary>The server cannot be reached at all: the rest of the batch would fail the same way.</summary>
    public bool ConnectionLost { get; } = connectionLost;
}
