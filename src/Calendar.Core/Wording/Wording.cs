using NodaTime;

namespace Calendar.Core;

/// <summary>How the calendar words an occurrence for people, in one language: the JSON, the feed, the page and the email all ask here.</summary>
/// <remarks>
/// Every method takes the structured thing (codes, numbers, dates, the occurrence), never text already worded in
/// another language, so that a language with cases and plural forms (Russian, Kazakh) can decline a country name
/// or choose "1 день / 2 дня / 5 дней" itself: adding one is a subclass, not an edit of every output.
/// The facts' own text (titles, notes) is in the language the editors wrote it in and is passed through.
/// </remarks>
public abstract class Wording
{
    /// <summary>The English wording, with the country names of <paramref name="countries"/>.</summary>
    public static Wording English(CountryCatalog countries) => new EnglishWording(countries);

    /// <summary>The wording in <paramref name="language"/>, with the names and forms of <paramref name="countries"/>.</summary>
    public static Wording For(Language language, CountryCatalog countries) => language switch
    {
        Core.Language.Ru => new RussianWording(countries),
        Core.Language.Kk => new KazakhWording(countries),
        _ => new EnglishWording(countries),
    };

    /// <summary>The BCP 47 tag of the language: <c>en</c>, <c>ru</c>, <c>kk</c>.</summary>
    public abstract string Language { get; }

    /// <summary>The calendar's own name, as a subscriber sees it in their list of calendars: "Diplomatic anniversaries".</summary>
    public abstract string CalendarName { get; }

    /// <summary>A full sentence: "35th anniversary of diplomatic relations between Kazakhstan and Italy".</summary>
    public abstract string Title(Occurrence occurrence);

    /// <summary>What it is, without the countries: "35th anniversary of diplomatic relations".</summary>
    public abstract string Subject(Occurrence occurrence);

    /// <summary>One line with the countries, for a calendar grid or a subject line: "35th anniversary of diplomatic relations, Kazakhstan – Italy".</summary>
    public abstract string Summary(Occurrence occurrence);

    /// <summary>The countries as a list standing on its own: "Kazakhstan – Italy".</summary>
    public abstract string Countries(IReadOnlyList<CountryCode> codes);

    public abstract string CountryName(CountryCode code);

    /// <summary>"Buenos Aires, Argentina", "Argentina"; null for no place.</summary>
    public abstract string? Place(Place? place);

    /// <summary>Only what is known: "21 August 2027", "September 2027", "2027".</summary>
    public abstract string DateText(PartialDate partialDate);

    public string DateText(LocalDate day) => DateText(PartialDate.OfDay(day));

    /// <summary>With the weekday, and saying what is not known: "Saturday 21 August 2027", "September 2027, day not known".</summary>
    public abstract string FullDateText(PartialDate partialDate);

    /// <summary>A heading for the occurrences of a month, or of a year when the month is not known: "June 2027".</summary>
    public abstract string Period(PartialDate partialDate);

    /// <summary>How far off a day is, from today: "today", "tomorrow", "in 7 days", "3 days ago".</summary>
    public abstract string Until(int days);

    /// <summary>The text with its first letter as at the start of a sentence: "In 7 days".</summary>
    public abstract string SentenceStart(string text);

    /// <summary>"planned, not confirmed", "scheduled", or null when there is nothing to warn of (it took place, or it is an anniversary of something that did).</summary>
    public abstract string? Status(Occurrence occurrence);

    /// <summary>"Jubilee · 35th", or null when it is not a jubilee.</summary>
    public abstract string? Jubilee(Occurrence occurrence);

    /// <summary>What else a reader should know, labelled: what an anniversary is of, the original place, the people, the editor's note, how the date was worked out.</summary>
    public abstract IReadOnlyList<Detail> Details(Occurrence occurrence);

    /// <summary>Everything about an occurrence as labelled lines for plain text (a feed event's description, an email): date, status, countries, place, <see cref="Details"/> and sources.</summary>
    public abstract IReadOnlyList<Detail> Overview(Occurrence occurrence);

    /// <summary>A source as people cite it: "Kazinform, 20 October 2022: “Headline”", or "Kazinform, 24 June 2023, on what the article is about".</summary>
    public abstract Citation Cite(Source source);

    /// <summary>A kind as a plural noun: "visits", "diplomatic relations", "anniversaries".</summary>
    public abstract string Kind(string kind);

    /// <summary>A short label of a filter: "Italy and Luxembourg · visits · jubilees only"; null for everything.</summary>
    public abstract string? Selection(OccurrenceFilter filter);

    /// <summary>A filter in a sentence: "visits involving Italy, except jubilees"; "all events and anniversaries" for everything.</summary>
    public abstract string Describe(OccurrenceFilter filter);
}

/// <summary>A labelled piece of information: "Note", "The plaque was unveiled ...".</summary>
public sealed record Detail(string Label, string Text);

/// <summary>A worded source, in two parts so that a page can link <see cref="What"/>: "Kazinform, 20 October 2022: " and "“Headline”".</summary>
/// <param name="Lead">Who published it and when, with what joins it to <paramref name="What"/>: "Kazinform, 24 June 2023, on ".</param>
/// <param name="What">The headline, quoted, or what the article is about.</param>
/// <param name="IsHeadline">The article's own headline, rather than an editor's description of it.</param>
public sealed record Citation(string Lead, string What, bool IsHeadline)
{
    public string Text => Lead + What;
}
