using MimeKit;

namespace Calendar.Service.Reminders;

/// <summary>Writes each message as an <c>.eml</c> file in <c>{DataPath}/outbox</c>: the embedded default, no SMTP server needed.</summary>
internal sealed class OutboxMailTransport(string folder) : IMailTransport, IMailSession
{
    private const int MaxLineLength = 998;

    public string Folder { get; } = folder;

    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailSession>(this);
    }

    public async Task SendAsync(MimeMessage message, Task holdUntil, CancellationToken cancellationToken)
    {
        await holdUntil;
        var name = string.Concat((message.MessageId ?? "message").Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'));
        var file = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{name}.eml");
        // As MailKit prepares a message for a server that takes 8-bit data: each part declares its transfer encoding
        // (RFC 2045 §6.1: without one, a reader takes UTF-8 text for 7-bit), quoted-printable where a line is longer
        // than SMTP allows (998 octets, RFC 5321 §4.5.3.1.6).
        message.Prepare(EncodingConstraint.EightBit, MaxLineLength);
        // Written aside and moved into place, so that whoever watches the folder never opens half a message.
        await message.WriteToAsync(file + ".part", cancellationToken);
        File.Move(file + ".part", file, overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
