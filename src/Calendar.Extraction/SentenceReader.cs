using System.Text.RegularExpressions;
using Calendar.Core;

namespace Calendar.Extraction;

/// <summary>Reads one sentence, clause by clause ("..., and the fourth meeting will be held ..."), into drafts.</summary>
internal sealed partial class SentenceReader(Article article, Evidence sentence, bool isNews, CountryCode? previousForeign, PlansInContext plans)
{
    /// <summary>Longer runs are not a clause of a press release (a table, a list without stops): skipped, since reading costs time per character squared.</summary>
    public const int MaxClauseLength = 1500;

    private PressRelease Release => article.Release;

    /// <summary>The foreign country this sentence was about, for the next sentence that names none.</summary>
    public CountryCode? ForeignCountry { get; private set; }

    public IEnumerable<DraftFact> Read()
    {
        var text = sentence.Sentence;
        var places = article.Gazetteer.Find(text);
        ForeignCountry = places.Select(p => (CountryCode?)p.Country).FirstOrDefault(c => c != Release.Home);
        IReadOnlyList<Trigger> inherited = [];
        IReadOnlyList<DateMention> inheritedDates = [];
        foreach (var (start, end) in Clauses(text).Where(c => c.End - c.Start <= MaxClauseLength))
        {
            var clause = new Clause(text, start, end, places.Where(p => p.Start >= start && p.End <= end).ToList());
            var future = Triggers.IsFuture(clause.Text);
            var dates = DateRecognizer.Find(clause.Text, Release.Published, future)
                .Select(d => d with { Start = d.Start + start, End = d.End + start }).ToList();
            var triggers = Triggers.Find(clause.Text, text).Select(t => t with { Position = t.Position + start }).ToList();
            if (triggers.Count == 0 && !Verb().IsMatch(clause.Text))
            {
                // "..., and Rennes in 2016": an enumeration goes on with the kind (and the date) of the clause before it;
                // "..., and cultural and humanitarian cooperation" names neither place nor date, so adds nothing.
                if (dates.Count == 0 && clause.Places.Count == 0)
                {
                    continue;
                }

                // "..., and to increase the number of flights to India": more flights on a route are not a new route.
                triggers = [.. inherited.Where(t => t.Kind != FactKind.AirRoute || !Triggers.IsNotANewRoute(clause.Text))];
                dates = dates.Count > 0 ? dates : [.. inheritedDates];
            }

            if (future && triggers.Any(t => t.Kind == FactKind.AirRoute))
            {
                dates = plans.Dated(dates, start, Triggers.IsPlanned(clause.Text) && !Year().IsMatch(clause.Text));
            }

            foreach (var draft in new ClauseReader(article, sentence, clause, dates, triggers, isNews, Foreign(clause, triggers)).Read())
            {
                yield return draft;
            }

            (inherited, inheritedDates) = (triggers, dates);
        }
    }

    /// <summary>The other party when the clause names none: this sentence's, the previous sentence's, the article's.</summary>
    /// <remarks>Not the article's for air routes: "Kazakhstan is set to launch more flights" flies nowhere in particular.</remarks>
    private CountryCode? Foreign(Clause clause, IReadOnlyList<Trigger> triggers) =>
        clause.Places.Select(p => (CountryCode?)p.Country).FirstOrDefault(c => c != Release.Home)
        ?? ForeignCountry ?? previousForeign ?? (triggers.Any(t => t.Kind == FactKind.AirRoute) ? null : article.MainForeignCountry);

    /// <summary>Clauses joined by ", and", ", but", ";" or ", while": each may say a fact of its own with a date of its own.</summary>
    /// <remarks>
    /// Only between two verbs: ", and Rennes in 2016" ends a list, not a clause, and so does "Muscat, Prague, and Tel Aviv
    /// are to be unveiled" (the list is the subject): they belong to the clause that says what happened to the whole list.
    /// </remarks>
    private static IEnumerable<(int Start, int End)> Clauses(string text)
    {
        var start = 0;
        foreach (Match match in ClauseBreak().Matches(text))
        {
            var next = text.IndexOf(',', match.Index + match.Length);
            var following = text[(match.Index + match.Length)..(next < 0 ? text.Length : next)];
            if (match.Value.StartsWith(';') || (Verb().IsMatch(following) && Verb().IsMatch(text[start..match.Index])))
            {
                yield return (start, match.Index);
                start = match.Index + match.Length;
            }
        }

        yield return (start, text.Length);
    }

    [GeneratedRegex(@",\s+(?:and|while|whereas|but)\s+|;\s+")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:was|were|is|are|will|has|have|had|took|held|plans?|launched|opened|signed|visited|paid|increase|resume|open|launch)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verb();
}

/// <summary>The year an article's lead gives its planned routes ("In 2023, Kazakhstan is set to launch more flights"), for the lists that follow undated.</summary>
internal sealed class PlansInContext
{
    private DateMention? _year;

    /// <summary>The clause's own dates, remembering a year; or, when it has none and is a plan, the year an earlier sentence gave.</summary>
    /// <param name="dates">The clause's dates.</param>
    /// <param name="clauseStart">Where the clause starts in its sentence.</param>
    /// <param name="undatedPlan">Whether the clause is a plan that writes no year at all ("by 2025" is a deadline, not this year).</param>
    public List<DateMention> Dated(List<DateMention> dates, int clauseStart, bool undatedPlan)
    {
        if (dates.FirstOrDefault(d => d.Date.Precision == DatePrecision.Year) is { } year)
        {
            _year = year;
            return dates;
        }

        return dates.Count > 0 || _year is null || !undatedPlan
            ? dates
            : [new DateMention(clauseStart, clauseStart, _year.Text, _year.Date, $"An earlier sentence dates these plans: '{_year.Text}' ({_year.Derivation ?? _year.Date.ToIsoString()}).")];
    }
}

/// <summary>Part of a sentence, with the places named in it (positions are the sentence's).</summary>
internal sealed record Clause(string Sentence, int Start, int End, IReadOnlyList<PlaceMention> Places)
{
    public string Text => Sentence[Start..End];
}
