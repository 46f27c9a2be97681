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
    /// <exception cref="MailDeliveryException">The message was not accepted; <see cref="MailDeliveryException.Failure"/> says whose problem it is.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A failed delivery, classified by what it is about: the recipient, this message, or the server.</summary>
internal sealed class MailDeliveryException(string message, MailFailure failure, Exception? inner = null)
    : Exception(message, inner)
{
    public MailFailure Failure { get; } = failure;
}

internal enum MailFailure
{
    /// <summary>5xx to RCPT TO: the server will never take mail for this address. Not retried.</summary>
    RecipientRefused,

    /// <summary>This message was not sent now (4xx, or a 5xx to its content): tried again later; the others go on.</summary>
    MessageNotSent,

    /// <summary>
    /// Nothing can be sent now: no connection, or the server refuses the sender, the login or the session.
    /// A problem of the sender or the relay, never of the recipients: the rest of the batch waits too.
    /// </summary>
    ServerUnavailable,
}
