using System.Globalization;
using System.Text.RegularExpressions;
using Calendar.Core;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Extraction;

/// <summary>Dates in a sentence, found and resolved by Microsoft.Recognizers.Text.DateTime, at the precision they are written with.</summary>
/// <remarks>
/// The recognizer turns "June 23, 2023", "September 2016", "this year" and "today" into TIMEX values (2023-06-23,
/// 2016-09, 2024) relative to the publication date. Its TIMEX keeps the precision of the words, and nothing here
/// adds any: a month stays a month. Kept out: durations, sets ("twice a week"), times, seasons, spans of more than
/// a week ("2017-2018"), weekdays on their own ("on Monday": which Monday is a guess), and dates a sentence reports
/// on rather than about ("announced on April 5", "till 2026").
/// </remarks>
internal static partial class DateRecognizer
{
    // Building the model compiles its regular expressions (a second or two); it is thread-safe once built.
    private static readonly Lazy<DateTimeModel> Model = new(() => new DateTimeRecognizer(Culture.English, DateTimeOptions.None).GetDateTimeModel());

    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    /// <param name="sentence">The text to read.</param>
    /// <param name="published">The day the article appeared: "today" and "this year" are relative to it.</param>
    /// <param name="future">Whether the sentence speaks of what is to come: "on March 2" is then the next one, not the last.</param>
    public static IReadOnlyList<DateMention> Find(string sentence, LocalDate published, bool future)
    {
        var reference = published.ToDateTimeUnspecified();
        var found = new List<DateMention>();
        foreach (Match yearEnd in YearEnd().Matches(sentence))
        {
            // "by yearend": the recognizer knows "the end of the year" but not the one word.
            found.Add(new DateMention(yearEnd.Index, yearEnd.Index + yearEnd.Length, yearEnd.Value, PartialDate.OfYear(published.Year),
                $"'{yearEnd.Value}' in an article published {Iso.Format(published)} is {published.Year:D4}"));
        }

        foreach (var result in Model.Value.Parse(sentence, reference))
        {
            var start = result.Start;
            var end = result.End + 1;
            if (IsReportingDate(sentence, start) || Values(result) is not { Count: > 0 } values)
            {
                continue;
            }

            if (Resolve(result.TypeName, values, published, future) is { } date)
            {
                var words = sentence[start..end];
                var derivation = HasYear(words)
                    ? date.Derivation
                    : date.Derivation ?? $"'{words}' in an article published {Iso.Format(published)} is {date.Date}";
                found.Add(new DateMention(start, end, words, date.Date, derivation));
            }
        }

        return found;
    }

    private static List<Dictionary<string, string>>? Values(ModelResult result) =>
        result.Resolution?.TryGetValue("values", out var values) == true ? (values as IEnumerable<object>)?.OfType<Dictionary<string, string>>().ToList() : null;

    private static (PartialDate Date, string? Derivation)? Resolve(string type, List<Dictionary<string, string>> values, LocalDate published, bool future)
    {
        if (type is not ("datetimeV2.date" or "datetimeV2.daterange"))
        {
            return null;
        }

        // Two values when the year is not written ("on March 2"): the last one and the next one.
        var value = values.Count == 1 ? values[0]
            : future ? values.FirstOrDefault(v => Start(v) >= published) ?? values[^1]
            : values.LastOrDefault(v => Start(v) <= published) ?? values[0];
        var timex = value.GetValueOrDefault("timex", "");
        // "by the end of the year" is a deadline within a year: the year stands; other modifiers ("after", "before") name no date.
        if (value.TryGetValue("Mod", out var modifier) && modifier is not ("since" or "start" or "end" or "mid")
            && !(modifier == "before-end" && YearPattern().IsMatch(timex)))
        {
            return null;
        }

        if (YearPattern().IsMatch(timex))
        {
            return (PartialDate.OfYear(int.Parse(timex, CultureInfo.InvariantCulture)), null);
        }

        if (MonthPattern().IsMatch(timex) && Start(value) is { } monthStart)
        {
            return (PartialDate.OfMonth(monthStart.Year, monthStart.Month), timex.StartsWith('X') ? YearTaken(monthStart.Year, future) : null);
        }

        if (DayPattern().IsMatch(timex) && Start(value) is { } day)
        {
            return (PartialDate.OfDay(day), timex.StartsWith('X') ? YearTaken(day.Year, future) : null);
        }

        if (WeekPattern().IsMatch(timex) && Start(value) is { } weekStart && End(value) is { } weekEnd)
        {
            return Week(weekStart, weekEnd.PlusDays(-1), published, future);
        }

        // A short span ("March 2-3"): the event starts on its first day.
        if (timex.StartsWith('(') && Start(value) is { } first && End(value) is { } last && Period.Between(first, last, PeriodUnits.Days).Days <= 7
            && DayPattern().IsMatch(timex[1..].Split(',')[0]))
        {
            var written = timex[1..].Split(',')[0];
            return (PartialDate.OfDay(first), $"the span runs from {Iso.Format(first)} to {Iso.Format(last)}: the first day is given" +
                (written.StartsWith('X') ? $"; {YearTaken(first.Year, future)}" : ""));
        }

        return null;
    }

    /// <summary>A week ("this week") is given as its month when it lies in one, counting only the days before or after publication as the tense says.</summary>
    private static (PartialDate, string?)? Week(LocalDate start, LocalDate end, LocalDate published, bool future)
    {
        if (start <= published && published <= end)
        {
            (start, end) = future ? (published, end) : (start, published);
        }

        return start.Month == end.Month && start.Year == end.Year
            ? (PartialDate.OfMonth(start.Year, start.Month), $"the week of {Iso.Format(start)} lies in {start.Year:D4}-{start.Month:D2}: only the month is given")
            : null;
    }

    private static string YearTaken(int year, bool future) =>
        $"the year is not written: {year:D4}, the {(future ? "next such date after" : "last such date before")} publication";

    private static LocalDate? Start(Dictionary<string, string> value) =>
        Parse(value.GetValueOrDefault("start") ?? value.GetValueOrDefault("value"));

    private static LocalDate? End(Dictionary<string, string> value) => Parse(value.GetValueOrDefault("end"));

    private static LocalDate? Parse(string? text) =>
        text is { Length: >= 10 } && Iso.Parse(text[..10]) is { Success: true } parsed ? parsed.Value : null;

    private static bool HasYear(string words) => FourDigits().IsMatch(words);

    /// <summary>
    /// "announced on April 5", "reported the press service on Jan. 1", "said during a briefing today", "till 2026": the date
    /// is the report's, not the event's. Not when a verb comes between ("said the visit will take place on May 5").
    /// </summary>
    private static bool IsReportingDate(string sentence, int start) =>
        ReportingWords().IsMatch(sentence[Math.Max(0, start - 24)..start]) || ReportedOn().IsMatch(sentence[Math.Max(0, start - 70)..start]);

    [GeneratedRegex(@"\b(?:announced|said|reported|told|stated|informed|revealed|noted|added)\b(?:(?!\b(?:will|would|to|be|is|are|was|were|take|takes|held|hold|visit)\b)[^,;.])*?\s(?:on\s+|at\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReportedOn();

    [GeneratedRegex(@"\b(?:by|before|until|till)\s+(?:the\s+)?year[\s-]?end\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearEnd();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(\d{4}|XXXX)-\d{2}$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(\d{4}|XXXX)-\d{2}-\d{2}$")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^\d{4}-W\d{2}$")]
    private static partial Regex WeekPattern();

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"\b(announced|said|reported|told|stated|informed|revealed|noted|added|till|until|through|up to)\s+(on\s+|in\s+|at\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReportingWords();
}
