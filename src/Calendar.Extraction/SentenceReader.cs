using System.Text.RegularExpressions;
using Calendar.Core;

namespace Calendar.Extraction;

/// <summary>Reads one sentence, clause by clause ("..., and the fourth meeting will be held ..."), into drafts.</summary>
internal sealed partial class SentenceReader(Article article, Evidence sentence, bool isNews, CountryCode? previousForeign)
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
                // "..., and Rennes in 2016": an enumeration goes on with the kind (and the date) of the clause before it.
                triggers = [.. inherited];
                dates = dates.Count > 0 ? dates : [.. inheritedDates];
            }

            foreach (var draft in new ClauseReader(article, sentence, clause, dates, triggers, isNews, Foreign(clause)).Read())
            {
                yield return draft;
            }

            (inherited, inheritedDates) = (triggers, dates);
        }
    }

    /// <summary>The other party when the clause names none: this sentence's, the previous sentence's, the article's.</summary>
    private CountryCode? Foreign(Clause clause) =>
        clause.Places.Select(p => (CountryCode?)p.Country).FirstOrDefault(c => c != Release.Home)
        ?? ForeignCountry ?? previousForeign ?? article.MainForeignCountry;

    /// <summary>Clauses joined by ", and", ";" or ", while": each may say a fact of its own with a date of its own.</summary>
    private static IEnumerable<(int Start, int End)> Clauses(string text)
    {
        var start = 0;
        foreach (Match match in ClauseBreak().Matches(text))
        {
            yield return (start, match.Index);
            start = match.Index + match.Length;
        }

        yield return (start, text.Length);
    }

    [GeneratedRegex(@",\s+(?:and|while|whereas)\s+|;\s+")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\b(?:was|were|is|are|will|has|have|had|took|held|plans?|launched|opened|signed|visited|paid)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verb();
}

/// <summary>Part of a sentence, with the places named in it (positions are the sentence's).</summary>
internal sealed record Clause(string Sentence, int Start, int End, IReadOnlyList<PlaceMention> Places)
{
    public string Text => Sentence[Start..End];
}
