using System.Text.RegularExpressions;
using Calendar.Core;

namespace Calendar.Extraction;

/// <summary>Where a clause says what happened: the kind of fact and the position of the words that say it.</summary>
internal sealed record Trigger(FactKind Kind, int Position, int Years = 0, bool IsAnniversary = false);

/// <summary>The words that make a clause a fact of some kind (English), and those that give its status.</summary>
internal static partial class Triggers
{
    public static IReadOnlyList<Trigger> Find(string clause, string sentence)
    {
        var found = new List<Trigger>();
        var partnership = Anniversary(clause, StrategicAnniversary(), FactKind.StrategicPartnership)
            ?? At(StrategicPartnership().Match(clause), FactKind.StrategicPartnership);
        var relations = Anniversary(clause, RelationsAnniversary(), FactKind.Relations)
            ?? Anniversary(clause, RelationsYears(), FactKind.Relations, needsVerb: true)
            ?? At(RelationsStated().Match(clause), FactKind.Relations);
        found.AddRange(new[] { partnership, relations }.OfType<Trigger>());

        var signing = partnership is null && Signing().Match(clause) is { Success: true } sign && Document().IsMatch(clause) ? At(sign, FactKind.Signing) : null;
        var objects = Objects().IsMatch(clause);
        // "the decree on the opening of the Consulate was signed": a decision at home, not the opening.
        var opening = objects && !Decided().IsMatch(clause) ? At(Opening().Match(clause), FactKind.Opening) : null;
        var airRoute = signing is null && opening is null && !Resumed().IsMatch(clause) && Flights().Match(clause) is { Success: true } flight && FlightVerbs().IsMatch(clause)
            ? At(flight, FactKind.AirRoute)
            : null;
        var founding = relations is null && opening is null && Organisations().IsMatch(clause) ? At(Founded().Match(clause), FactKind.Founding) : null;
        // "the outcomes of the consultations" is no round: one is held, takes place, or is numbered.
        var consultations = Holding().IsMatch(clause)
            ? At(Consultations().Match(clause), FactKind.Consultations) ?? (Consultations().IsMatch(sentence) ? At(Round().Match(clause), FactKind.Consultations) : null)
            : null;
        var visit = At(Visit().Match(clause), FactKind.Visit);
        found.AddRange(new[] { signing, opening, airRoute, founding, consultations, visit }.OfType<Trigger>());
        return found;
    }

    /// <summary>How many things a noun-phrase opening names: "the street ..., as well as the Square" is two.</summary>
    public static int OpeningObjects(string clause)
    {
        var opening = OpeningNoun().Match(clause);
        if (!opening.Success)
        {
            return 1;
        }

        var rest = clause[(opening.Index + opening.Length)..];
        var stop = Stop().Match(rest);
        return Math.Max(1, Objects().Count(stop.Success ? rest[..stop.Index] : rest));
    }

    /// <summary>"resume flights", "increase the number of flights": not a new route.</summary>
    public static bool IsNotANewRoute(string clause) => Resumed().IsMatch(clause);

    /// <summary>"till the end of the year or in the first quarter of 2017": no date to take.</summary>
    public static bool IsUncertain(string clause) => Alternative().IsMatch(clause);

    /// <summary>"postponed", "cancelled": whatever the clause dates did not happen then.</summary>
    public static bool IsCalledOff(string clause) => CalledOff().IsMatch(clause);

    /// <summary>"plans to", "is expected", "agreed to hold": intended, not yet firm.</summary>
    public static bool IsPlanned(string clause) => Planned().IsMatch(clause);

    /// <summary>"will", "is to be held", "scheduled", "upcoming": still to come.</summary>
    public static bool IsFuture(string clause) => Future().IsMatch(clause) || Planned().IsMatch(clause);

    /// <summary>The visit is the frame of a dated event ("as part of the work visit"): the day is the event's, not the visit's.</summary>
    public static bool IsFrame(string clause, int visit) => Frame().IsMatch(clause[Math.Max(0, visit - 80)..visit]);

    /// <summary>"would give a strong impetus": a hypothesis, not an event, unless something firm is said too.</summary>
    public static bool IsHypothetical(string clause) => Would().IsMatch(clause) && !Future().IsMatch(clause) && !Planned().IsMatch(clause);

    /// <summary>"Kazinform has learned", "reports": the sentence is the news itself, so an undated event is of the publication's days.</summary>
    public static bool IsNews(string sentence) => News().IsMatch(sentence);

    /// <summary>"are taking place", "is being held": on the day the article appears.</summary>
    public static bool IsToday(string clause) => Today().IsMatch(clause);

    /// <summary>"is on an official visit": happening as the article appears.</summary>
    public static bool IsUnderWay(string clause) => UnderWay().IsMatch(clause);

    /// <summary>Whether an anniversary's date is the day it is marked ("celebrate", "mark", "today"), not some other date in the clause.</summary>
    public static bool IsMarked(string clause) => Marked().IsMatch(clause);

    /// <summary>"third round", "3rd round", "fourth meeting": the ordinal of a round of consultations.</summary>
    public static int? RoundNumber(string clause)
    {
        if (RoundOrdinal().Match(clause) is not { Success: true } match)
        {
            return null;
        }

        var word = match.Groups["n"].Value.ToLowerInvariant();
        var index = Array.IndexOf(OrdinalWords, word);
        return index >= 0 ? index + 1 : int.Parse(word[..^2], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly string[] OrdinalWords =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    private static Trigger? Anniversary(string clause, Regex pattern, FactKind kind, bool needsVerb = false) =>
        pattern.Match(clause) is { Success: true } match && (!needsVerb || Marked().IsMatch(clause))
            && int.TryParse(match.Groups["n"].Value, out var years) && years is > 0 and < 1000
            ? new Trigger(kind, match.Index, years, IsAnniversary: true)
            : null;

    private static Trigger? At(Match match, FactKind kind) => match.Success ? new Trigger(kind, match.Index) : null;

    [GeneratedRegex(@"(?<n>\d{1,3})(?:st|nd|rd|th)?(?:-year)?\s+anniversary\s+of\s+(?:the\s+)?(?:establish\w*\s+(?:of\s+)?)?(?:(?:our|their|the|bilateral|diplomatic|two|countries'?)\s+)*relations", RegexOptions.IgnoreCase)]
    private static partial Regex RelationsAnniversary();

    [GeneratedRegex(@"(?<n>\d{1,3})\s+years\s+of\s+(?:[\w.\-]+\s+){0,2}?relations", RegexOptions.IgnoreCase)]
    private static partial Regex RelationsYears();

    [GeneratedRegex(@"diplomatic\s+relations\b[^;]{0,80}?\b(?:(?:were|was|had been|have been)\s+established|began|date\s+(?:back\s+)?(?:to|from))|established\s+diplomatic\s+relations", RegexOptions.IgnoreCase)]
    private static partial Regex RelationsStated();

    [GeneratedRegex(@"(?<n>\d{1,3})(?:st|nd|rd|th)?\s+anniversary\s+of\s+(?:the\s+)?strategic\s+(?:partnership|cooperation)", RegexOptions.IgnoreCase)]
    private static partial Regex StrategicAnniversary();

    [GeneratedRegex(@"(?:agreement|treaty|declaration|memorandum)\s+on\s+(?:the\s+)?(?:comprehensive\s+)?strategic\s+(?:partnership|cooperation)|strategic\s+partnership\s+(?:agreement|treaty|declaration)|(?:established|announced|launched)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}strategic\s+partnership\s+(?:on|in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrategicPartnership();

    [GeneratedRegex(@"\bsign(?:ed|ing|s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Signing();

    [GeneratedRegex(@"\b(?:agreement|treaty|declaration|memorand(?:um|a)|memo|protocol|road\s?map|programme|program|convention|accord|documents?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Document();

    [GeneratedRegex(@"\b(?:opening|inaugurat\w*|unveil\w*|opened|opens|open|(?:working|functioning|operating)(?=[^,;]*\bsince\b))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Opening();

    [GeneratedRegex(@"\bopening\s+(?:ceremony\s+)?of\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningNoun();

    [GeneratedRegex(@"\b(?:cent(?:er|re)s?|consulates?|embass(?:y|ies)|streets?|squares?|monuments?|offices?|houses?|librar(?:y|ies)|museums?|plaques?|statues?|busts?|missions?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Objects();

    [GeneratedRegex(@"\b(?:was|were|has|have|is|are|will)\b")]
    private static partial Regex Stop();

    [GeneratedRegex(@"\b(?:air\s+routes?|routes?|flights?|air\s+(?:links?|services?|connections?)|fly\s+from|flies\s+from)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Flights();

    [GeneratedRegex(@"\b(?:launch\w*|open\w*|start\w*|fly|flies|will have|operat\w*|unveil\w*|perform\w*|begin\w*|introduc\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FlightVerbs();

    [GeneratedRegex(@"\b(?:club|council|commission|association|chamber|fund|foundation|group|forum|joint venture|institute)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Organisations();

    [GeneratedRegex(@"\b(?:(?:was|were|has been|have been)\s+(?:officially\s+)?(?:established|founded|set up|created|formed)|founding\s+of|establishment\s+of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Founded();

    [GeneratedRegex(@"\b(?:postponed|cancel+ed|called off|put off)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CalledOff();

    [GeneratedRegex(@"\b(?:held|hold|holding|took place|take place|taking place|conduct\w*|round|meeting|session)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Holding();

    [GeneratedRegex(@"\b(?:decree|decision|order|resolution)\s+on\s+(?:the\s+)?opening\b", RegexOptions.IgnoreCase)]
    private static partial Regex Decided();

    [GeneratedRegex(@"\b(?:is|are)\s+(?:now\s+)?(?:taking\s+place|being\s+held)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Today();

    [GeneratedRegex(@"\bor\s+(?:in\s+)?(?:the\s+)?(?:early|late|first|second|third|fourth|last|next)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Alternative();

    [GeneratedRegex(@"\b(?:would|could|might)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Would();

    [GeneratedRegex(@"\b(?:resum\w*|increas\w*|frequenc\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex Resumed();

    [GeneratedRegex(@"\bconsultations\b", RegexOptions.IgnoreCase)]
    private static partial Regex Consultations();

    [GeneratedRegex(@"\b(?:round|meeting)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Round();

    [GeneratedRegex(@"(?<n>\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth))\s+(?:round|meeting)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RoundOrdinal();

    [GeneratedRegex(@"\bvisit(?:s|ed)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Visit();

    [GeneratedRegex(@"\b(?:plan|plans|planned|planning|intend\w*|expected|expects|(?-i:may)|agreed to|decided to|proposed|under\s?way|negotiat\w*|looks? forward)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Planned();

    [GeneratedRegex(@"\b(?:will|shall|is to be|are to be|(?:is|are) going to|to be held|to take place|scheduled|upcoming|forthcoming|due to|set to|next round|to be signed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Future();

    [GeneratedRegex(@"\b(?:as part of|during|within the framework of|in the course of|on the sidelines of)\s+(?:the\s+|his\s+|her\s+|its\s+)?[^,;]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Frame();

    [GeneratedRegex(@"\b(?:kazinform|reports|reported|informs|has learnt|has learned|cites|citing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex News();

    [GeneratedRegex(@"\b(?:is|are)\s+(?:now\s+)?on\s+(?:an?\s+)?(?:\w+\s+)?visit\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnderWay();

    [GeneratedRegex(@"\b(?:celebrat\w*|mark|marks|marked|marking|commemorat\w*|observ\w*|falls|today)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Marked();
}
