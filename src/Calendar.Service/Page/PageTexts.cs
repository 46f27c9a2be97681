using System.Globalization;
using Calendar.Core;

namespace Calendar.Service.Page;

/// <summary>The page in English, Russian and Kazakh.</summary>
internal static class PageTexts
{
    private static readonly CultureInfo RussianNumbers = CultureInfo.GetCultureInfo("ru-RU");

    private static readonly CultureInfo KazakhNumbers = CultureInfo.GetCultureInfo("kk-KZ");

    public static readonly PageText English = new()
    {
        NextTwelveMonths = (from, to) => $"The next twelve months, {from} to {to}",
        AddressProblem = "This address has a problem",
        ShowEverything = "Show everything instead",
        NothingToSubscribe = "Nothing to subscribe to here",
        NothingKnown = what => $"Nothing on this calendar for {what} has a known date from today on, so a calendar subscription would stay empty and no reminder would come. Choose other filters above.",
        OnlyYearsKnown = what => $"Everything on this calendar for {what} is known only to the year. Calendar apps need at least the month, so a calendar subscription would stay empty and no reminder would come. The events are listed below; their dates will be added once they are known.",
        Footer = (version, changed) => $"Facts version {version}, last changed {changed}. Also as",
        ApiDocumentation = "API documentation",
        Country = "Country",
        AllCountries = "All countries",
        Kind = "Kind",
        AllKinds = "All kinds",
        Jubilees = "Jubilees",
        WithJubilees = "With jubilees",
        JubileesOnly = "Jubilees only",
        WithoutJubilees = "Without jubilees",
        Show = "Show",
        Reset = "Reset",
        Subscribe = "Subscribe",
        SubscribeInApp = "Subscribe in your calendar app",
        AddToGoogle = "Add to Google Calendar",
        ForOutlook = "For Outlook and others, add a calendar from the internet with this address:",
        DownloadIcs = "Download .ics",
        RefreshHint = "Calendar apps refresh on their own schedule: Google within about a day, Outlook within hours, Apple and Thunderbird as often as you set. Events known only to the year are on this page but not in calendar apps.",
        EmailReminders = "Email reminders",
        RemindersOf = (what, lead, jubilee) => $"Reminders of {what}, {PageText.List(lead, "and")} days ahead (jubilees {PageText.List(jubilee, "and")}), one email a day at most.",
        EmailAddress = "Email address",
        NameOptional = "Name (optional)",
        TimeZone = "Time zone",
        SendAt = "Send at",
        EmailMe = "Email me",
        ConfirmHint = "You will get an email with a link to confirm; every reminder has a link to stop them.",
        NothingInTwelveMonths = "Nothing in the next twelve months for this selection.",
        NearestOnly = (shown, total) =>
            $"Only the nearest {Number(shown, CultureInfo.InvariantCulture)} of the {Number(total, CultureInfo.InvariantCulture)} events in the next twelve months are listed. Choose countries or a kind above to narrow the list.",
        UpcomingEvents = "Upcoming events",
        LanguageSwitch = "Language",
        Name = "Name",
        DefaultZone = "Default",
        OnThisCalendar = "On this calendar",
        Everywhere = "Everywhere",
        Required = "required.",
        NotAnEmailAddress = value => $"'{value}' is not an email address.",
        AtMostCharacters = limit => $"at most {limit} characters.",
        NoControlCharacters = "no line breaks, tabs or other control characters.",
        NotATimeZone = value => $"'{value}' is not a time zone; choose one from the list.",
        NotATime = value => $"'{value}' is not a time of day; give it as HH:mm, e.g. 09:00.",
        NotOffered = value => $"'{value}' is not one of this calendar's choices; start again from the calendar's page.",
        UnknownField = "this calendar has no such parameter; start again from the calendar's page.",
    };

    public static readonly PageText Russian = new()
    {
        NextTwelveMonths = (from, to) => $"Ближайшие двенадцать месяцев, с {from} по {to}",
        AddressProblem = "В адресе ошибка",
        ShowEverything = "Показать всё",
        NothingToSubscribe = "Здесь не на что подписаться",
        NothingKnown = what => $"В календаре нет событий ({what}) с известной датой начиная с сегодняшнего дня: подписка на календарь осталась бы пустой, напоминания не пришли бы. Выберите другие фильтры выше.",
        OnlyYearsKnown = what => $"У всех событий календаря ({what}) известен только год. Календарным приложениям нужен хотя бы месяц, поэтому подписка осталась бы пустой, а напоминания не пришли бы. События перечислены ниже; даты добавятся, когда станут известны.",
        Footer = (version, changed) => $"Версия фактов {version}, изменена {changed}. Также в формате",
        ApiDocumentation = "документация API",
        Country = "Страна",
        AllCountries = "Все страны",
        Kind = "Вид",
        AllKinds = "Все виды",
        Jubilees = "Юбилеи",
        WithJubilees = "С юбилеями",
        JubileesOnly = "Только юбилеи",
        WithoutJubilees = "Без юбилеев",
        Show = "Показать",
        Reset = "Сбросить",
        Subscribe = "Подписка",
        SubscribeInApp = "Подписаться в приложении календаря",
        AddToGoogle = "Добавить в Google Календарь",
        ForOutlook = "Для Outlook и других приложений добавьте календарь из интернета по этому адресу:",
        DownloadIcs = "Скачать .ics",
        RefreshHint = "Календарные приложения обновляются по своему расписанию: Google примерно раз в сутки, Outlook в течение нескольких часов, Apple и Thunderbird так часто, как вы настроите. События, у которых известен только год, есть на этой странице, но не в календарных приложениях.",
        EmailReminders = "Напоминания по электронной почте",
        RemindersOf = (what, lead, jubilee) =>
            $"Напоминания: {what}, за {PageText.List(lead, "и")} {DaysWord(lead)} (о юбилеях за {PageText.List(jubilee, "и")} {DaysWord(jubilee)}), не больше одного письма в день.",
        EmailAddress = "Адрес электронной почты",
        NameOptional = "Имя (необязательно)",
        TimeZone = "Часовой пояс",
        SendAt = "Время отправки",
        EmailMe = "Присылать письма",
        ConfirmHint = "Вы получите письмо со ссылкой для подтверждения; в каждом напоминании есть ссылка, чтобы отписаться.",
        NothingInTwelveMonths = "В ближайшие двенадцать месяцев по этому выбору ничего нет.",
        NearestOnly = (shown, total) =>
            $"Показаны только ближайшие {Number(shown, RussianNumbers)} из {Number(total, RussianNumbers)} {EventsWord(total)} на двенадцать месяцев вперёд. Чтобы сузить список, выберите выше страны или вид событий.",
        UpcomingEvents = "Предстоящие события",
        LanguageSwitch = "Язык",
        Name = "Имя",
        DefaultZone = "По умолчанию",
        OnThisCalendar = "Страны этого календаря",
        Everywhere = "Все часовые пояса",
        Required = "обязательное поле.",
        NotAnEmailAddress = value => $"«{value}» — не адрес электронной почты.",
        AtMostCharacters = limit => $"не больше {limit} {CharactersWord(limit)}.",
        NoControlCharacters = "без переносов строк, табуляций и других управляющих символов.",
        NotATimeZone = value => $"«{value}» — не часовой пояс; выберите его из списка.",
        NotATime = value => $"«{value}» — не время суток; укажите его в виде ЧЧ:ММ, например 09:00.",
        NotOffered = value => $"«{value}» нет среди вариантов этого календаря; начните заново со страницы календаря.",
        UnknownField = "у этого календаря нет такого параметра; начните заново со страницы календаря.",
    };

    public static readonly PageText Kazakh = new()
    {
        NextTwelveMonths = (from, to) => $"Алдағы он екі ай: {from} – {to}",
        AddressProblem = "Мекенжайда қате бар",
        ShowEverything = "Барлығын көрсету",
        NothingToSubscribe = "Мұнда жазылатын ештеңе жоқ",
        NothingKnown = what => $"Күнтізбеде бүгіннен бастап күні белгілі оқиға жоқ ({what}): күнтізбеге жазылу бос қалады, еске салғыштар келмейді. Жоғарыдан басқа сүзгілерді таңдаңыз.",
        OnlyYearsKnown = what => $"Күнтізбедегі барлық оқиғаның ({what}) тек жылы белгілі. Күнтізбе қолданбаларына кем дегенде ай керек, сондықтан жазылу бос қалады, еске салғыштар келмейді. Оқиғалар төменде берілген; күндері белгілі болғанда қосылады.",
        Footer = (version, changed) => $"Деректер нұсқасы {version}, соңғы өзгеріс: {changed}. Сондай-ақ",
        ApiDocumentation = "API құжаттамасы",
        Country = "Ел",
        AllCountries = "Барлық елдер",
        Kind = "Түрі",
        AllKinds = "Барлық түрлер",
        Jubilees = "Мерейтойлар",
        WithJubilees = "Мерейтойлармен",
        JubileesOnly = "Тек мерейтойлар",
        WithoutJubilees = "Мерейтойларсыз",
        Show = "Көрсету",
        Reset = "Тазарту",
        Subscribe = "Жазылу",
        SubscribeInApp = "Күнтізбе қолданбасында жазылу",
        AddToGoogle = "Google Күнтізбесіне қосу",
        ForOutlook = "Outlook және басқа қолданбалар үшін интернеттен күнтізбені мына мекенжаймен қосыңыз:",
        DownloadIcs = ".ics жүктеу",
        RefreshHint = "Күнтізбе қолданбалары өз кестесімен жаңарады: Google шамамен тәулігіне бір рет, Outlook бірнеше сағат ішінде, Apple мен Thunderbird сіз баптағандай. Тек жылы белгілі оқиғалар осы бетте бар, бірақ күнтізбе қолданбаларында жоқ.",
        EmailReminders = "Электрондық пошта арқылы еске салу",
        RemindersOf = (what, lead, jubilee) =>
            $"Еске салғыштар: {what}, {PageText.List(lead, "және")} күн бұрын (мерейтойлар туралы {PageText.List(jubilee, "және")} күн бұрын), күніне бір хаттан артық емес.",
        EmailAddress = "Электрондық пошта мекенжайы",
        NameOptional = "Аты (міндетті емес)",
        TimeZone = "Уақыт белдеуі",
        SendAt = "Жіберу уақыты",
        EmailMe = "Хат жіберу",
        ConfirmHint = "Растау сілтемесі бар хат келеді; әр еске салғышта одан бас тарту сілтемесі бар.",
        NothingInTwelveMonths = "Осы таңдау бойынша алдағы он екі айда ештеңе жоқ.",
        NearestOnly = (shown, total) =>
            $"Ең жақын {Number(shown, KazakhNumbers)} оқиға ғана көрсетілген (алдағы он екі айда барлығы {Number(total, KazakhNumbers)} оқиға). Тізімді тарылту үшін жоғарыдан елдерді немесе оқиға түрін таңдаңыз.",
        UpcomingEvents = "Алдағы оқиғалар",
        LanguageSwitch = "Тіл",
        Name = "Аты",
        DefaultZone = "Әдепкі",
        OnThisCalendar = "Осы күнтізбенің елдері",
        Everywhere = "Барлық уақыт белдеулері",
        Required = "міндетті өріс.",
        NotAnEmailAddress = value => $"«{value}» электрондық пошта мекенжайы емес.",
        AtMostCharacters = limit => $"{limit} таңбадан аспауы керек.",
        NoControlCharacters = "жол ауыстыру, табуляция және басқа басқарушы таңбалар болмауы керек.",
        NotATimeZone = value => $"«{value}» уақыт белдеуі емес; тізімнен таңдаңыз.",
        NotATime = value => $"«{value}» тәулік уақыты емес; СС:ММ түрінде жазыңыз, мысалы 09:00.",
        NotOffered = value => $"«{value}» бұл күнтізбенің таңдаулары арасында жоқ; күнтізбе бетінен қайта бастаңыз.",
        UnknownField = "бұл күнтізбеде мұндай параметр жоқ; күнтізбе бетінен қайта бастаңыз.",
    };

    /// <summary>«события» or «событий» after «из» and a number: the genitive, singular only after 1, 21, 101 and the like.</summary>
    internal static string EventsWord(int count) =>
        Plurals.RussianCategory(count) switch { "one" => "события", _ => "событий" };

    /// <summary>A count with its digits grouped as the language groups them: «12,345»; «12 345» (a no-break space).</summary>
    private static string Number(int count, CultureInfo culture) => count.ToString("N0", culture);

    /// <summary>«символа» or «символов» after a limit.</summary>
    internal static string CharactersWord(int count) =>
        Plurals.RussianCategory(count) switch { "one" => "символа", _ => "символов" };

    /// <summary>«день», «дня» or «дней» after a list of numbers: the last number decides, as Russian reads it.</summary>
    internal static string DaysWord(IReadOnlyList<int> days) =>
        days.Count == 0 ? "дней" : Plurals.RussianCategory(days[^1]) switch { "one" => "день", "few" => "дня", _ => "дней" };
}
