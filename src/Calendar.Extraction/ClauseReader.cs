using System.Text.RegularExpressions;
using Calendar.Core;
using NodaTime.Text;

namespace Calendar.Extraction;

/// <summary>Turns the triggers of one clause into drafts: each with its date, countries, place and status.</summary>
internal sealed partial class ClauseReader(
    Article article, Evidence sentence, Clause clause, IReadOnlyList<DateMention> dates, IReadOnlyList<Trigger> triggers, bool isNews, CountryCode? foreign)
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    private PressRelease Release => article.Release;

    public IEnumerable<DraftFact> Read()
    {
        if (foreign is null || Triggers.IsCalledOff(clause.Sentence) || Triggers.IsHypothetical(clause.Text) || Triggers.IsUncertain(clause.Text))
        {
            // Only the home country is named: not a bilateral fact (a ministry's own council, a domestic holiday).
            // Or nothing happened: it was called off, or it only would; or the date is one of two.
            return [];
        }

        return triggers.SelectMany(trigger => trigger switch
        {
            { IsAnniversary: true } => Anniversary(trigger),
            { Kind: FactKind.AirRoute } => AirRoutes(trigger),
            _ => Events(trigger),
        });
    }

    private IEnumerable<DraftFact> Anniversary(Trigger trigger)
    {
        var mention = Marked(trigger);
        var published = Release.Published;
        var (marked, how) = mention is not null
            ? (mention.Date, mention.Derivation is null ? $"on {mention.Text}" : $"on {mention.Date} ({mention.Derivation})")
            : (PartialDate.OfYear(published.Year), $"in {published.Year}, the year it was published, without a day");
        var date = YearsBefore(marked, trigger.Years);
        var what = trigger.Kind == FactKind.Relations ? "diplomatic relations" : "the strategic partnership";
        var derived = $"The article, published {Iso.Format(published)}, marks the {Ordinals.English(trigger.Years)} anniversary of {what} {how}, so {what} date from {date}.";
        yield return Draft(trigger.Kind, date, derived, FactStatus.Occurred, null, foreign!.Value);
    }

    /// <summary>The date an anniversary is marked on, if the clause says it ("celebrated ... on June 23"): it is nobody else's.</summary>
    private DateMention? Marked(Trigger anniversary) =>
        Triggers.IsMarked(clause.Text) ? Nearest(anniversary.Position, dates) : null;

    /// <summary>The dates left for the clause's events once an anniversary has taken its own.</summary>
    private List<DateMention> EventDates => [.. dates.Except(triggers.Where(t => t.IsAnniversary).Select(Marked).OfType<DateMention>())];

    private IEnumerable<DraftFact> Events(Trigger trigger)
    {
        var future = Triggers.IsFuture(clause.Text);
        var dates = EventDates;
        if (trigger.Kind == FactKind.Visit && !IsOurs(trigger))
        {
            yield break;
        }

        if (trigger.Kind == FactKind.Visit && Triggers.IsUnderWay(clause.Text))
        {
            var published = Release.Published;
            var month = PartialDate.OfMonth(published.Year, published.Month);
            yield return Draft(trigger.Kind, month, $"The article, published {Iso.Format(published)}, reports the visit as under way: the month of publication is given.", FactStatus.Occurred, VisitPlace(trigger), foreign!.Value);
            yield break;
        }

        if (trigger.Kind == FactKind.Visit && dates.Count > 0 && Triggers.IsFrame(clause.Sentence, trigger.Position))
        {
            var dated = Nearest(trigger.Position, dates)!;
            var month = dated.Date.Precision == DatePrecision.Year ? dated.Date : PartialDate.OfMonth(dated.Date.Year, dated.Date.Month!.Value);
            var derived = $"The article dates only what is held during the visit ({dated.Date}), not the visit itself: only {(month.Precision == DatePrecision.Month ? "the month" : "the year")} is given.";
            yield return Draft(trigger.Kind, month, derived, Status(month, future), VisitPlace(trigger), foreign!.Value);
            yield break;
        }

        if (dates.Count > 1 && dates.All(d => d.Date.Precision == dates[0].Date.Precision) && trigger.Kind is FactKind.Visit or FactKind.Opening or FactKind.Founding)
        {
            // "visits ... in 2015 and 2017", "opened in Tehran in 2007, Baku in 2010": one fact per date, placed where the words before it say.
            foreach (var (date, place) in dates.Select(d => (d, clause.Places.LastOrDefault(p => p.End <= d.Start))).DistinctBy(pair => (pair.d.Date, pair.Item2?.Country)))
            {
                var country = place is not null && place.Country != Release.Home ? place.Country : foreign!.Value;
                yield return Draft(trigger.Kind, date.Date, date.Derivation, Status(date.Date, future), place is null ? null : new Place(place.City, place.Country), country);
            }

            yield break;
        }

        PartialDate when;
        string? derivation;
        if (Nearest(trigger.Position, dates) is { } nearest)
        {
            (when, derivation) = (nearest.Date, nearest.Derivation);
        }
        else if (Triggers.IsToday(clause.Text))
        {
            when = PartialDate.OfDay(Release.Published);
            derivation = $"The article, published {Iso.Format(Release.Published)}, reports it as taking place that day.";
        }
        else if ((isNews && !future) || (trigger.Kind == FactKind.Visit && Triggers.IsUnderWay(clause.Text)))
        {
            var published = Release.Published;
            when = PartialDate.OfMonth(published.Year, published.Month);
            derivation = $"The article, published {Iso.Format(published)}, reports it as news without a date: the month of publication is given; the article does not confirm it.";
        }
        else
        {
            yield break;
        }

        var where = trigger.Kind == FactKind.Visit ? VisitPlace(trigger) : PlaceNear(trigger.Position);
        var copies = trigger.Kind == FactKind.Opening ? Triggers.OpeningObjects(clause.Text) : 1;
        for (var i = 0; i < copies; i++)
        {
            yield return Draft(trigger.Kind, when, derivation, Status(when, future), where, foreign!.Value);
        }
    }

    /// <summary>An air route per foreign city or country the clause flies to, each with the date written after it ("to Singapore and Tokyo in 2019 and to Shanghai in 2020").</summary>
    private IEnumerable<DraftFact> AirRoutes(Trigger trigger)
    {
        var future = Triggers.IsFuture(clause.Text);
        var dates = EventDates;
        var destinations = clause.Places.Where(p => p.Country != Release.Home).DistinctBy(p => p.Country).ToList();
        IEnumerable<(CountryCode Country, int Position)> targets = destinations.Count > 0
            ? destinations.Select(p => (p.Country, p.Start))
            : [(foreign!.Value, trigger.Position)];
        foreach (var (country, position) in targets)
        {
            var date = dates.FirstOrDefault(d => d.Start >= position) ?? dates.LastOrDefault(d => d.End <= position);
            if (date is not null)
            {
                yield return Draft(FactKind.AirRoute, date.Date, date.Derivation, Status(date.Date, future), null, country);
            }
        }
    }

    private FactStatus Status(PartialDate date, bool future)
    {
        if (Triggers.IsPlanned(clause.Text))
        {
            return FactStatus.Planned;
        }

        if (future || date.FirstDay > Release.Published)
        {
            // Announced with a day or a month: scheduled. With a year only: still a plan.
            return date.Precision == DatePrecision.Year ? FactStatus.Planned : FactStatus.Scheduled;
        }

        return FactStatus.Occurred;
    }

    private static DateMention? Nearest(int position, IReadOnlyList<DateMention> dates) =>
        dates.OrderBy(d => Math.Min(Math.Abs(d.Start - position), Math.Abs(d.End - position))).FirstOrDefault();

    /// <summary>A visit between two other countries ("his first visit to Moscow", in an article about Kyrgyzstan and us) is not ours.</summary>
    private bool IsOurs(Trigger visit) =>
        VisitPlace(visit) is not { } place || place.Country == Release.Home || place.Country == article.MainForeignCountry
        || article.Gazetteer.Find(clause.Sentence).Any(p => p.Country == Release.Home);

    /// <summary>Where a visit goes: "visit to Argentina", "visited Kazakhstan", "a visit to Astana".</summary>
    private Place? VisitPlace(Trigger trigger)
    {
        foreach (var place in clause.Places.Where(p => p.Start > trigger.Position && p.Start - trigger.Position < 160))
        {
            if (Destination().IsMatch(clause.Sentence[trigger.Position..place.Start]))
            {
                return new Place(place.City, place.Country);
            }
        }

        return null;
    }

    /// <summary>The city nearest the words, or a country named with "in" ("in Kazakhstan").</summary>
    private Place? PlaceNear(int position)
    {
        var city = clause.Places.Where(p => p.City is not null).OrderBy(p => Math.Abs(p.Start - position)).FirstOrDefault();
        if (city is not null)
        {
            return new Place(city.City, city.Country);
        }

        var country = clause.Places.FirstOrDefault(p => In().IsMatch(clause.Sentence[Math.Max(0, p.Start - 8)..p.Start]));
        return country is null ? null : new Place(null, country.Country);
    }

    private DraftFact Draft(FactKind kind, PartialDate date, string? derivation, FactStatus status, Place? place, CountryCode other)
    {
        var countries = new[] { Release.Home, other };
        var fact = new Fact
        {
            Id = "draft",
            Kind = kind,
            Countries = countries,
            Date = date,
            Title = DraftTitles.Title(kind, countries, place, Triggers.RoundNumber(clause.Text), article.Countries),
            Recurs = kind.RecursByDefault() && status == FactStatus.Occurred,
            Status = status,
            Place = place,
            Derivation = derivation,
            Sources = [Release.Source],
        };
        return new DraftFact(fact, sentence);
    }

    /// <summary>The same day, month or year, <paramref name="years"/> earlier: 2023-06-23 less 30 years is 1993-06-23; 2022 less 30 is 1992.</summary>
    private static PartialDate YearsBefore(PartialDate date, int years) => date.Precision switch
    {
        DatePrecision.Day => PartialDate.OfDay(date.FirstDay.PlusYears(-years)),
        DatePrecision.Month => PartialDate.OfMonth(date.Year - years, date.Month!.Value),
        _ => PartialDate.OfYear(date.Year - years),
    };

    [GeneratedRegex(@"(?:\bto|\bvisit(?:s|ed)?)\s+(?:the\s+)?(?:Republic\s+of\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Destination();

    [GeneratedRegex(@"\bin\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex In();
}
