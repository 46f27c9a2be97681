using Calendar.Core;
using Calendar.Service.Reminders;
using MimeKit;

namespace Calendar.Service.Subscriptions;

/// <summary>The two emails the form sends: a confirmation link, or a note that the address already gets reminders.</summary>
internal static class SelfServiceMail
{
    public static MimeMessage Confirmation(
        Subscription pending, Subscription wanted, NodaTime.Instant now, SubscriptionTokens tokens, RemindersOptions options, PublicAddress publicAddress)
    {
        var confirm = publicAddress.Link($"subscriptions/confirm?token={Uri.EscapeDataString(tokens.IssueConfirmation(pending, wanted, now))}{LangOf(wanted.Language)}").AbsoluteUri;
        // In the language the form was filled in: the one the reminders will come in.
        var (subject, text) = wanted.Language switch
        {
            Language.Ru => ("Подтвердите напоминания о дипломатических годовщинах",
                $"Кто-то, вероятно вы, попросил присылать на этот адрес напоминания о дипломатических годовщинах и событиях. Чтобы начать, откройте:\n\n{confirm}\n\nЕсли это были не вы, не отвечайте на это письмо: ничего отправлено не будет."),
            Language.Kk => ("Дипломатиялық мерейтойлар туралы еске салғыштарды растаңыз",
                $"Біреу, бәлкім сіз, осы мекенжайға дипломатиялық мерейтойлар мен оқиғалар туралы еске салғыштар жіберуді сұрады. Бастау үшін мына сілтемені ашыңыз:\n\n{confirm}\n\nЕгер бұл сіз болмасаңыз, бұл хатқа мән бермеңіз: ештеңе жіберілмейді."),
            _ => ("Confirm your diplomatic anniversary reminders",
                $"Someone, probably you, asked for reminders of diplomatic anniversaries and events at this address. To start them, open:\n\n{confirm}\n\nIf it was not you, ignore this email: nothing will be sent."),
        };
        return Mail(options, pending.Email, subject, text);
    }

    /// <summary>In the language the form asked in, not the stored one: a stranger's post must not learn it either.</summary>
    public static MimeMessage AlreadySubscribed(string email, RemindersOptions options, Language language = Language.En)
    {
        var (subject, text) = language switch
        {
            Language.Ru => ("Вы уже получаете эти напоминания",
                "Кто-то, вероятно вы, попросил присылать напоминания о дипломатических годовщинах на этот адрес, который их уже получает. Ничего не изменено. Чтобы выбрать другие напоминания, отпишитесь по ссылке в любом напоминании и подпишитесь снова."),
            Language.Kk => ("Сіз бұл еске салғыштарды алып жүрсіз",
                "Біреу, бәлкім сіз, осы мекенжайға дипломатиялық мерейтойлар туралы еске салғыштар сұрады, ол оларды қазірдің өзінде алады. Ештеңе өзгертілген жоқ. Басқа еске салғыштарды таңдау үшін кез келген хаттағы бас тарту сілтемесін пайдаланып, қайта жазылыңыз."),
            _ => ("You already receive these reminders",
                "Someone, probably you, asked for diplomatic anniversary reminders for this address, which already receives them. Nothing was changed. To choose other reminders, use the unsubscribe link in any reminder and subscribe again."),
        };
        return Mail(options, email, subject, text);
    }

    /// <summary><c>&amp;lang=ru</c> for a link in a Russian or Kazakh email, so that its page speaks the language; nothing for English.</summary>
    public static string LangOf(Language language) => language == Language.En ? "" : $"&lang={language.Tag()}";

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
