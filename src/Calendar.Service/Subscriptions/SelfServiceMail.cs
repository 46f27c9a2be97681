using Calendar.Service.Reminders;
using MimeKit;

namespace Calendar.Service.Subscriptions;

/// <summary>The two emails the form sends: a confirmation link, or a note that the address already gets reminders.</summary>
internal static class SelfServiceMail
{
    public static MimeMessage Confirmation(
        Subscription pending, Subscription wanted, NodaTime.Instant now, SubscriptionTokens tokens, RemindersOptions options, PublicAddress publicAddress)
    {
        var confirm = publicAddress.Link($"subscriptions/confirm?token={Uri.EscapeDataString(tokens.IssueConfirmation(pending, wanted, now))}");
        return Mail(options, pending.Email, "Confirm your diplomatic anniversary reminders",
            $"Someone, probably you, asked for reminders of diplomatic anniversaries and events at this address. To start them, open:\n\n{confirm.AbsoluteUri}\n\nIf it was not you, ignore this email: nothing will be sent.");
    }

    public static MimeMessage AlreadySubscribed(string email, RemindersOptions options) => Mail(options, email, "You already receive these reminders",
        "Someone, probably you, asked for diplomatic anniversary reminders for this address, which already receives them. Nothing was changed. To choose other reminders, use the unsubscribe link in any reminder and subscribe again.");

    private static MimeMessage Mail(RemindersOptions options, string to, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        // Our own Message-Id: MimeKit's default would carry this machine's host name.
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(options.From.Split('@')[^1].TrimEnd('>'));
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}
