using Calendar.Service.Reminders;
using MimeKit;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A message held back until something else is done: sent all but its final dot, and abandoned if that fails.</summary>
public class HeldMessageTests
{
    [Fact]
    public async Task AHeldMessage_IsTakenOnlyOnceItsHoldCompletes()
    {
        using var server = new ScriptedSmtpServer();
        await using var session = await Transport(server).OpenAsync(TestContext.Current.CancellationToken);
        var hold = new TaskCompletionSource();

        var sending = session.SendAsync(Message("alice@example.org"), hold.Task, TestContext.Current.CancellationToken);
        await Eventually.Get(() => server.MessagesBegun, begun => begun == 1, "the message's DATA");
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        Assert.Empty(server.Accepted);

        hold.SetResult();
        await sending;
        Assert.Equal([["alice@example.org"]], server.Accepted);
    }

    [Fact]
    public async Task AMessageWhoseHoldFails_IsNeverTakenByTheServer_AndTheNextOneIs()
    {
        using var server = new ScriptedSmtpServer();
        await using var session = await Transport(server).OpenAsync(TestContext.Current.CancellationToken);
        var hold = new TaskCompletionSource();

        var sending = session.SendAsync(Message("alice@example.org"), hold.Task, TestContext.Current.CancellationToken);
        await Eventually.Get(() => server.MessagesBegun, begun => begun == 1, "the message's DATA");
        hold.SetException(new InvalidOperationException("The previous digest could not be marked."));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => sending);
        Assert.Equal("The previous digest could not be marked.", failure.Message);
        await session.SendAsync(Message("bob@example.org"), TestContext.Current.CancellationToken);
        Assert.Equal([["bob@example.org"]], server.Accepted);
    }

    private static SmtpMailTransport Transport(ScriptedSmtpServer server) =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None });

    /// <summary>Built as a digest is: text, HTML and an .ics attachment.</summary>
    private static MimeMessage Message(string to)
    {
        var message = new MimeMessage { Subject = "In 7 days", MessageId = $"{to}@calendar.test" };
        message.From.Add(MailboxAddress.Parse("calendar@example.org"));
        message.To.Add(MailboxAddress.Parse(to));
        var body = new BodyBuilder { TextBody = "In 7 days.", HtmlBody = "<p>In 7 days.</p>" };
        body.Attachments.Add("reminders.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray(), new ContentType("text", "calendar"));
        message.Body = body.ToMessageBody();
        return message;
    }
}
