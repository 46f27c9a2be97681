using Calendar.Core;

namespace Calendar.Service.Subscriptions;

/// <summary>The self-service pages' words (check your inbox, confirm, unsubscribe) in the subscription's language.</summary>
internal sealed record SelfServiceText(
    string CheckYourInbox,
    Func<string, string> InboxText,
    string CheckTheForm,
    string ConfirmTitle,
    string ConfirmText,
    string ConfirmButton,
    string Confirmed,
    Func<string, string> ConfirmedText,
    string StopTitle,
    string StopText,
    string StopButton,
    string Unsubscribed,
    Func<string, string> UnsubscribedText,
    string InvalidLink,
    string NothingChanged,
    string BackToTheCalendar,
    string LinkNotUsable,
    string NoLongerPossible)
{
    public static SelfServiceText For(Language language) => language switch
    {
        Language.Ru => Russian,
        Language.Kk => Kazakh,
        _ => English,
    };

    /// <summary>The language a link or form names (<c>lang</c>, <c>language</c>), English when it names none or an unknown one.</summary>
    public static Language Of(string? tag) => Languages.TryParse(tag, out var language, out _) ? language : Language.En;

    private static readonly SelfServiceText English = new(
        "Check your inbox",
        email => $"If {email} can receive reminders, an email is on its way with a link to confirm. Reminders start only once you follow it.",
        "Check the form",
        "Confirm your reminders", "One more step: confirm that you want these reminders.", "Confirm",
        "Reminders confirmed", email => $"{email} will receive reminders. Every email has a link to stop them.",
        "Stop reminders", "Stop the reminder emails to this address?", "Unsubscribe",
        "Unsubscribed", email => $"{email} will receive no more reminders.",
        "This link is not valid", "Nothing was changed.", "Back to the calendar",
        "It may have been used already, be more than a week old, or have been copied incompletely.",
        "What it asks for is no longer on this calendar: ask again from the calendar's page.");

    private static readonly SelfServiceText Russian = new(
        "Проверьте почту",
        email => $"Если {email} может получать напоминания, на этот адрес отправлено письмо со ссылкой для подтверждения. Напоминания начнут приходить только после перехода по ней.",
        "Проверьте форму",
        "Подтвердите напоминания", "Последний шаг: подтвердите, что хотите получать эти напоминания.", "Подтвердить",
        "Напоминания подтверждены", email => $"На {email} будут приходить напоминания. В каждом письме есть ссылка, чтобы отписаться.",
        "Отказ от напоминаний", "Больше не присылать напоминания на этот адрес?", "Отписаться",
        "Вы отписались", email => $"На {email} напоминания больше приходить не будут.",
        "Ссылка недействительна", "Ничего не изменено.", "Вернуться к календарю",
        "Возможно, ею уже воспользовались, ей больше недели или она скопирована не полностью.",
        "Того, что в ней выбрано, в календаре больше нет: подпишитесь заново на странице календаря.");

    private static readonly SelfServiceText Kazakh = new(
        "Поштаңызды тексеріңіз",
        email => $"Егер {email} еске салғыштарды ала алса, оған растау сілтемесі бар хат жіберілді. Еске салғыштар сілтемеге өткеннен кейін ғана басталады.",
        "Форманы тексеріңіз",
        "Еске салғыштарды растаңыз", "Соңғы қадам: осы еске салғыштарды алғыңыз келетінін растаңыз.", "Растау",
        "Еске салғыштар расталды", email => $"{email} мекенжайына еске салғыштар келеді. Әр хатта одан бас тарту сілтемесі бар.",
        "Еске салғыштарды тоқтату", "Бұл мекенжайға еске салғыштар жіберуді тоқтату керек пе?", "Бас тарту",
        "Жазылым тоқтатылды", email => $"{email} мекенжайына еске салғыштар енді келмейді.",
        "Сілтеме жарамсыз", "Ештеңе өзгертілген жоқ.", "Күнтізбеге оралу",
        "Сілтеме бұрын қолданылған, бір аптадан ескі немесе толық көшірілмеген болуы мүмкін.",
        "Онда таңдалғандар күнтізбеде енді жоқ: күнтізбе бетінен қайта жазылыңыз.");
}
