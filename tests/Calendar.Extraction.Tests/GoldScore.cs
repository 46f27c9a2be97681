using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Calendar.Core;

namespace Calendar.Extraction.Tests;

/// <summary>How the drafts compare with the gold set: precision and recall per kind, statuses, places, and invented precision.</summary>
/// <remarks>
/// A draft matches a gold fact with the same kind, the same countries and the same date at the same precision (1992 does
/// not match 1992-10-22). A day or month is "invented" when the draft is more precise than the gold fact of the same kind,
/// countries and year, or when its sentence writes no month, day or relative day at all.
/// </remarks>
internal sealed partial class GoldScore
{
    private readonly Dictionary<string, (int Found, int Right, int Gold)> _byKind = new(StringComparer.Ordinal);
    private (int Found, int Right, int Gold) _planned;
    private int _statusRight;
    private int _placeChecked;
    private int _placeRight;

    public List<string> Invented { get; } = [];

    public List<string> Misses { get; } = [];

    public List<string> Wrong { get; } = [];

    public int Matched { get; private set; }

    public void Add(GoldItem item, IReadOnlyList<DraftFact> drafts)
    {
        var gold = item.Facts.ToList();
        foreach (var draft in drafts)
        {
            var fact = draft.Fact;
            var kind = fact.Kind.Name();
            Count(kind, found: 1);
            var isPlanned = fact.Status != FactStatus.Occurred;
            _planned.Found += isPlanned ? 1 : 0;
            var match = gold.FirstOrDefault(g => g.Kind == kind && SameCountries(g, fact) && g.Date == fact.Date.ToIsoString());
            if (match is not null)
            {
                gold.Remove(match);
                Count(kind, right: 1);
                Matched++;
                _planned.Right += isPlanned && match.Status != "occurred" ? 1 : 0;
                _statusRight += match.Status == Wire(fact.Status) ? 1 : 0;
                if (match.Place is { } place)
                {
                    _placeChecked++;
                    _placeRight += fact.Place is { } p && p.Country.Value == place.Country && (place.City is null || p.City == place.City) ? 1 : 0;
                }
            }
            else
            {
                Wrong.Add($"{item.Id}: {kind} {string.Join('-', fact.Countries)} {fact.Date} {Wire(fact.Status)} from \"{draft.Evidence.Sentence}\"");
            }

            if (IsInvented(item, fact, draft.Evidence.Sentence))
            {
                Invented.Add($"{item.Id}: {kind} {fact.Date} from \"{draft.Evidence.Sentence}\"");
            }
        }

        foreach (var fact in item.Facts)
        {
            Count(fact.Kind, gold: 1);
            _planned.Gold += fact.Status != "occurred" ? 1 : 0;
        }

        Misses.AddRange(gold.Select(g => $"{item.Id}: {g}"));
    }

    public double Recall(string kind) => _byKind.TryGetValue(kind, out var c) && c.Gold > 0 ? (double)c.Right / c.Gold : 1;

    public double Precision(string kind) => _byKind.TryGetValue(kind, out var c) && c.Found > 0 ? (double)c.Right / c.Found : 1;

    public double PlannedRecall => _planned.Gold > 0 ? (double)_planned.Right / _planned.Gold : 1;

    public double PlannedPrecision => _planned.Found > 0 ? (double)_planned.Right / _planned.Found : 1;

    public string Report()
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{"kind",-22} {"gold",5} {"drafts",7} {"right",6} {"precision",10} {"recall",7}");
        foreach (var (kind, c) in _byKind.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{kind,-22} {c.Gold,5} {c.Found,7} {c.Right,6} {Precision(kind),10:0.00} {Recall(kind),7:0.00}");
        }

        var all = (Found: _byKind.Values.Sum(c => c.Found), Right: _byKind.Values.Sum(c => c.Right), Gold: _byKind.Values.Sum(c => c.Gold));
        report.AppendLine(CultureInfo.InvariantCulture, $"{"all kinds",-22} {all.Gold,5} {all.Found,7} {all.Right,6} {(double)all.Right / all.Found,10:0.00} {(double)all.Right / all.Gold,7:0.00}");
        report.AppendLine(CultureInfo.InvariantCulture, $"{"planned events",-22} {_planned.Gold,5} {_planned.Found,7} {_planned.Right,6} {PlannedPrecision,10:0.00} {PlannedRecall,7:0.00}");
        report.AppendLine(CultureInfo.InvariantCulture, $"status right on matched drafts: {_statusRight}/{Matched}; place right: {_placeRight}/{_placeChecked}");
        report.AppendLine(CultureInfo.InvariantCulture, $"invented days or months: {Invented.Count}");
        Section(report, "invented", Invented);
        Section(report, "missed", Misses);
        Section(report, "drafts that match no gold fact", Wrong);
        return report.ToString();
    }

    private static void Section(StringBuilder report, string title, List<string> lines)
    {
        if (lines.Count > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
            lines.ForEach(line => report.AppendLine("  " + line));
        }
    }

    private void Count(string kind, int found = 0, int right = 0, int gold = 0)
    {
        var c = _byKind.GetValueOrDefault(kind);
        _byKind[kind] = (c.Found + found, c.Right + right, c.Gold + gold);
    }

    private static bool SameCountries(GoldFact gold, Fact fact) =>
        gold.Countries.ToHashSet(StringComparer.Ordinal).SetEquals(fact.Countries.Select(c => c.Value));

    private static bool IsInvented(GoldItem item, Fact fact, string sentence)
    {
        if (fact.Date.Precision == DatePrecision.Year)
        {
            return false;
        }

        var morePrecise = item.Facts.Any(g => g.Kind == fact.Kind.Name() && SameCountries(g, fact)
            && PartialDate.Parse(g.Date) is var date && date.Year == fact.Date.Year && date.Precision < fact.Date.Precision);
        // "reports it as news", "as taking place that day", "as under way": dated by the publication, and saying so.
        var derivedFromPublication = fact.Derivation?.Contains("reports it as", StringComparison.Ordinal) == true
            || fact.Derivation?.Contains("reports the visit as", StringComparison.Ordinal) == true;
        return morePrecise || (!derivedFromPublication && !DateWords().IsMatch(sentence));
    }

    private static string Wire(FactStatus status) => status.ToString().ToLowerInvariant();

    [GeneratedRegex(@"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b|\b(?:today|tomorrow|yesterday|week|month)\b|\d{4}-\d{2}", RegexOptions.IgnoreCase)]
    private static partial Regex DateWords();
}
