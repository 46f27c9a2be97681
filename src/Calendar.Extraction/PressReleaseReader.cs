using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Calendar.Core;

namespace Calendar.Extraction;

/// <summary>Drafts facts from a press release: one per dated statement it understands, each with the sentence it came from.</summary>
/// <remarks>
/// Pure: the text and the publication date in, drafts out; no I/O and no clock. Sentence by sentence, clause by clause,
/// it finds what happened (<see cref="Triggers"/>), when (<see cref="DateRecognizer"/>), between whom and where
/// (<see cref="Gazetteer"/>). A statement without a date gives no draft: the calendar needs a date, and inventing one
/// is the one mistake an editor cannot see.
/// </remarks>
public static partial class PressReleaseReader
{
    /// <summary>Longer texts are refused: a press release is a few thousand characters, and reading costs time per character.</summary>
    public const int MaxTextLength = 50_000;

    private static readonly ConditionalWeakTable<CountryCatalog, Gazetteer> Gazetteers = [];

    /// <summary>The drafts, each compared with the loaded facts (<see cref="DraftComparison"/>).</summary>
    public static IReadOnlyList<DraftFact> Read(PressRelease release, FactSet loaded)
    {
        // Two drafts of one sentence (a street and a square opened together) repeat two facts, not the same one twice.
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var compared = new List<DraftFact>();
        foreach (var draft in Read(release, loaded.Countries))
        {
            var result = DraftComparison.Compare(draft, loaded.Facts.OrderBy(fact => claimed.Contains(fact.Id)));
            if (result.SameAs is { } id)
            {
                claimed.Add(id);
            }

            compared.Add(result);
        }

        return compared;
    }

    public static IReadOnlyList<DraftFact> Read(PressRelease release, CountryCatalog countries)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(release.Text.Length, MaxTextLength, nameof(release));
        var gazetteer = Gazetteers.GetValue(countries, catalog => new Gazetteer(catalog));
        var sentences = Sentences.Split(release.Text);
        var article = new Article(release, countries, gazetteer, MainForeignCountry(gazetteer.Find(release.Text), release.Home));
        var drafts = new List<DraftFact>();
        CountryCode? previous = null;
        var plans = new PlansInContext();
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var isNews = Triggers.IsNews(sentence.Sentence) || (i + 1 < sentences.Count && Reported().IsMatch(sentences[i + 1].Sentence));
            var reader = new SentenceReader(article, sentence, isNews, previous, plans);
            drafts.AddRange(reader.Read());
            previous = reader.ForeignCountry ?? previous;
        }

        return Identified(Deduplicated(drafts));
    }

    /// <summary>The foreign country the article names most: the other party when a sentence names none.</summary>
    private static CountryCode? MainForeignCountry(IReadOnlyList<PlaceMention> mentions, CountryCode home) =>
        mentions.Where(m => m.Country != home).GroupBy(m => m.Country).OrderByDescending(g => g.Count()).ThenBy(g => g.First().Start)
            .Select(g => (CountryCode?)g.Key).FirstOrDefault();

    /// <summary>One draft per fact: the same relation said twice ("today ... the 30th anniversary", "the 30th anniversary") is kept at its most precise.</summary>
    private static List<DraftFact> Deduplicated(List<DraftFact> drafts)
    {
        var kept = new List<DraftFact>();
        foreach (var draft in drafts)
        {
            var fact = draft.Fact;
            var once = fact.Kind is FactKind.Relations or FactKind.StrategicPartnership;
            // Within one sentence, equal drafts are meant ("the street ..., as well as the Square"): only other sentences repeat.
            var same = kept.FindIndex(k => k.Fact.Kind == fact.Kind && k.Fact.Countries.ToHashSet().SetEquals(fact.Countries)
                && (once || k.Evidence.Offset != draft.Evidence.Offset)
                && (k.Fact.Date == fact.Date || once && (Within(fact.Date, k.Fact.Date) || Within(k.Fact.Date, fact.Date))));
            if (same < 0)
            {
                kept.Add(draft);
            }
            else if (fact.Date.Precision > kept[same].Fact.Date.Precision)
            {
                kept[same] = draft;
            }
        }

        return kept;
    }

    /// <summary>Whether <paramref name="inner"/> lies in <paramref name="outer"/>: 1992-06-29 in 1992.</summary>
    internal static bool Within(PartialDate inner, PartialDate outer) =>
        inner.FirstDay >= outer.FirstDay && inner.LastDay <= outer.LastDay;

    /// <summary>Ids as the seeds write them (<c>kz-ar-relations-1993-06-23</c>), unique within the drafts.</summary>
    private static List<DraftFact> Identified(List<DraftFact> drafts)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DraftFact>();
        foreach (var draft in drafts)
        {
            var fact = draft.Fact;
            var stem = string.Join('-', fact.Countries.Select(c => c.Value.ToLowerInvariant())) + "-" + fact.Kind.Name() + "-" + fact.Date.ToIsoString();
            var id = stem;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{stem}-{n}";
            }

            result.Add(draft with { Fact = fact with { Id = id } });
        }

        return result;
    }

    [GeneratedRegex(@"^\W*This was reported", RegexOptions.IgnoreCase)]
    private static partial Regex Reported();
}

/// <summary>What every sentence of one article needs: the release, the names, and the article's other party.</summary>
internal sealed record Article(PressRelease Release, CountryCatalog Countries, Gazetteer Gazetteer, CountryCode? MainForeignCountry);
