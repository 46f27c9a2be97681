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
    /// <summary>Sends <paramref name="message"/>, but lets the server take it only once <paramref name="holdUntil"/> has completed.</summary>
    /// <param name="message">The message.</param>
    /// <param name="holdUntil">
    /// What must be done before the server may take the message. SMTP sends the envelope and the content meanwhile and
    /// holds back only the final dot; if <paramref name="holdUntil"/> fails, the session is dropped without it (the
    /// server discards a message whose data never ended) and that failure is thrown.
    /// </param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    /// <exception cref="MailDeliveryException">The message was not accepted; <see cref="MailDeliveryException.Failure"/> says whose problem it is.</exception>
    Task SendAsync(MimeMessage message, Task holdUntil, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="message"/> now.</summary>
    /// <exception cref="MailDeliveryException">The message was not accepted; <see cref="MailDeliveryException.Failure"/> says whose problem it is.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => SendAsync(message, Task.CompletedTask, cancellationToken);
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
