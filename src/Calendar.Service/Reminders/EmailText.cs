using Calendar.Core;
using Calendar.Service.Page;

namespace Calendar.Service.Reminders;

/// <summary>A reminder digest's own words (lede, links, the why and the way out) in one language; the events are worded by <see cref="Wording"/>.</summary>
/// <remarks>Public, as the digest that carries it is: Razor components are (dotnet/aspnetcore#63041).</remarks>
public sealed record EmailText
{
    public required string Title { get; init; }

    public required Func<string, string> RemindersOf { get; init; }

    /// <summary>The subject's tail when a digest holds more than one reminder: ", and 2 more".</summary>
    public required Func<int, string> AndMore { get; init; }

    /// <summary>Why these come: the filter in words, the ladders, the local time and zone.</summary>
    public required Func<string, IReadOnlyList<int>, IReadOnlyList<int>, string, string, string> Why { get; init; }

    /// <summary>A late reminder: when it was due, and at which lead time.</summary>
    public required Func<string, int, string> Late { get; init; }

    public required string LateLabel { get; init; }

    public required string OnTheCalendar { get; init; }

    public required string AttachedIcs { get; init; }

    public required string EverythingOnTheCalendar { get; init; }

    public required string EverythingTheyCouldBeAbout { get; init; }

    public required string Stop { get; init; }

    public required Func<string, string, string> SentTo { get; init; }

    public static EmailText For(Language language) => language switch
    {
        Language.Ru => Russian,
        Language.Kk => Kazakh,
        _ => English,
    };

    private static readonly EmailText English = new()
    {
        Title = "Diplomatic anniversaries: reminders",
        RemindersOf = what => $"Reminders of {what}.",
        AndMore = more => $", and {more} more",
        Why = (what, lead, jubilee, at, zone) =>
            $"You get these reminders for {what}, {PageText.List(lead, "and")} days ahead (jubilees {PageText.List(jubilee, "and")}), at {at} in {zone}.",
        Late = (dueOn, lead) => $"this reminder was due on {dueOn}, {lead} days ahead",
        LateLabel = "Late",
        OnTheCalendar = "On the calendar",
        AttachedIcs = "The attached reminders.ics adds these events to a calendar.",
        EverythingOnTheCalendar = "Everything they could be about, on the calendar",
        EverythingTheyCouldBeAbout = "Everything they could be about",
        Stop = "Stop these reminders",
        SentTo = (email, site) => $"Sent to {email} by the Diplomatic Anniversary Calendar at {site}",
    };

    private static readonly EmailText Russian = new()
    {
        Title = "Дипломатические годовщины: напоминания",
        RemindersOf = what => $"Напоминания: {what}.",
        AndMore = more => $" и ещё {more}",
        Why = (what, lead, jubilee, at, zone) =>
            $"Вы получаете эти напоминания ({what}) за {PageText.List(lead, "и")} {PageTexts.DaysWord(lead)} (о юбилеях за {PageText.List(jubilee, "и")} {PageTexts.DaysWord(jubilee)}), в {at} по часовому поясу {zone}.",
        Late = (dueOn, lead) => $"это напоминание должно было прийти {dueOn}, за {Plurals.Russian(lead, "день", "дня", "дней")}",
        LateLabel = "С опозданием",
        OnTheCalendar = "В календаре",
        AttachedIcs = "Приложенный файл reminders.ics добавит эти события в календарь.",
        EverythingOnTheCalendar = "Всё, о чём они могут быть, в календаре",
        EverythingTheyCouldBeAbout = "Всё, о чём они могут быть",
        Stop = "Отписаться от этих напоминаний",
        SentTo = (email, site) => $"Отправлено на {email} календарём дипломатических годовщин, {site}",
    };

    private static readonly EmailText Kazakh = new()
    {
        Title = "Дипломатиялық мерейтойлар: еске салғыштар",
        RemindersOf = what => $"Еске салғыштар: {what}.",
        AndMore = more => $" және тағы {more}",
        Why = (what, lead, jubilee, at, zone) =>
            $"Сіз бұл еске салғыштарды ({what}) {PageText.List(lead, "және")} күн бұрын (мерейтойлар туралы {PageText.List(jubilee, "және")} күн бұрын) аласыз; жіберу уақыты: {at}, {zone}.",
        Late = (dueOn, lead) => $"бұл еске салғыш {dueOn} келуі керек еді, {lead} күн бұрын",
        LateLabel = "Кешікті",
        OnTheCalendar = "Күнтізбеде",
        AttachedIcs = "Тіркелген reminders.ics файлы бұл оқиғаларды күнтізбеге қосады.",
        EverythingOnTheCalendar = "Олар туралы болуы мүмкін барлығы күнтізбеде",
        EverythingTheyCouldBeAbout = "Олар туралы болуы мүмкін барлығы",
        Stop = "Бұл еске салғыштардан бас тарту",
        SentTo = (email, site) => $"Дипломатиялық мерейтойлар күнтізбесі {email} мекенжайына жіберді, {site}",
    };

}
