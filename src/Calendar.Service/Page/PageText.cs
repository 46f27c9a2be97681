using Calendar.Core;

namespace Calendar.Service.Page;

/// <summary>The page's own words (headings, labels, buttons, hints) in one language; everything about an occurrence comes from <see cref="Wording"/>.</summary>
public sealed record PageText
{
    public required Func<string, string, string> NextTwelveMonths { get; init; }

    public required string AddressProblem { get; init; }

    public required string ShowEverything { get; init; }

    public required string NothingToSubscribe { get; init; }

    public required Func<string, string> NothingKnown { get; init; }

    public required Func<string, string> OnlyYearsKnown { get; init; }

    public required Func<string, string, string> Footer { get; init; }

    public required string ApiDocumentation { get; init; }

    public required string Country { get; init; }

    public required string AllCountries { get; init; }

    public required string Kind { get; init; }

    public required string AllKinds { get; init; }

    public required string Jubilees { get; init; }

    public required string WithJubilees { get; init; }

    public required string JubileesOnly { get; init; }

    public required string WithoutJubilees { get; init; }

    public required string Show { get; init; }

    public required string Reset { get; init; }

    public required string Subscribe { get; init; }

    public required string SubscribeInApp { get; init; }

    public required string AddToGoogle { get; init; }

    public required string ForOutlook { get; init; }

    public required string DownloadIcs { get; init; }

    public required string RefreshHint { get; init; }

    public required string EmailReminders { get; init; }

    /// <summary>"Reminders of {what}, {30, 7 and 1} days ahead (jubilees {…}), one email a day at most."</summary>
    public required Func<string, IReadOnlyList<int>, IReadOnlyList<int>, string> RemindersOf { get; init; }

    public required string EmailAddress { get; init; }

    public required string NameOptional { get; init; }

    public required string TimeZone { get; init; }

    public required string SendAt { get; init; }

    public required string EmailMe { get; init; }

    public required string ConfirmHint { get; init; }

    public required string NothingInTwelveMonths { get; init; }

    /// <summary>Under the list when it is cut: how many of how many events it shows, and how to see the others.</summary>
    public required Func<int, int, string> NearestOnly { get; init; }

    public required string UpcomingEvents { get; init; }

    public required string LanguageSwitch { get; init; }

    /// <summary>The time-zone list's groups: the configured zone, the zones of the calendar's countries, every zone.</summary>
    public required string DefaultZone { get; init; }

    public required string OnThisCalendar { get; init; }

    public required string Everywhere { get; init; }

    /// <summary>The form's name field, in an error line ("Name: at most 200 characters").</summary>
    public required string Name { get; init; }

    /// <summary>What is wrong with a field a person fills in or a choice the page offers; a value is quoted already shortened.</summary>
    public required string Required { get; init; }

    public required Func<string, string> NotAnEmailAddress { get; init; }

    public required Func<int, string> AtMostCharacters { get; init; }

    public required string NoControlCharacters { get; init; }

    public required Func<string, string> NotATimeZone { get; init; }

    public required Func<string, string> NotATime { get; init; }

    /// <summary>A country, kind, jubilee or language that the page never offers: the address or form was edited or is out of date.</summary>
    public required Func<string, string> NotOffered { get; init; }

    /// <summary>A parameter or field the page does not have, named as it was given.</summary>
    public required string UnknownField { get; init; }

    public static PageText For(Language language) => language switch
    {
        Language.Ru => PageTexts.Russian,
        Language.Kk => PageTexts.Kazakh,
        _ => PageTexts.English,
    };

    /// <summary>"30, 7 and 1" with the language's conjunction.</summary>
    internal static string List(IReadOnlyList<int> days, string and) =>
        days.Count < 2 ? string.Join("", days) : string.Join(", ", days.Take(days.Count - 1)) + $" {and} " + days[^1];
}
