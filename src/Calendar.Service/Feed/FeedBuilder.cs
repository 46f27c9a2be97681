using System.Text;
using Calendar.Core;
using Calendar.Service.Timeline;
using Ical.Net;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;
using IcalDuration = Ical.Net.DataTypes.Duration;

namespace Calendar.Service.Feed;

/// <summary>Builds the iCalendar feed for a snapshot of the facts and a filter. Expensive: callers cache the result.</summary>
internal sealed class FeedBuilder
{
    public const string ProductId = "-//Diplomatic Anniversary Calendar//Feed 1.0//EN";

    private readonly EventSequences _sequences;
    private readonly FeedChanges _changes;
    private readonly CalendarClock _clock;
    private readonly FeedOptions _options;

    public FeedBuilder(EventSequences sequences, FeedChanges changes, CalendarClock clock, IOptions<FeedOptions> options)
    {
        _sequences = sequences;
        _changes = changes;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>From 1 January of last year to 31 December <see cref="FeedOptions.HorizonYears"/> years on.</summary>
    /// <remarks>
    /// Whole years, so that the feed's bytes stay the same from one day to the next and subscribers' clients
    /// see nothing new when nothing is new. The horizon moves on once a year, on 1 January.
    /// </remarks>
    public DateInterval HorizonFor(LocalDate today) =>
        new(new LocalDate(today.Year - 1, 1, 1), new LocalDate(today.Year + _options.HorizonYears, 12, 31));

    /// <summary>What a built feed depends on: equal keys give equal bytes.</summary>
    public FeedKey KeyFor(CalendarSnapshot snapshot, OccurrenceFilter filter) =>
        new(snapshot.Version.Hash, snapshot.Version.LastModified, HorizonFor(snapshot.Today).Start, filter.Key);

    public FeedDocument Build(CalendarSnapshot snapshot, OccurrenceFilter filter)
    {
        var horizon = HorizonFor(snapshot.Today);
        var wording = Wording.English(snapshot.Facts.Countries);
        var events = snapshot.Between(horizon, filter)
            .Where(FeedEvent.IsListed)
            .Select(occurrence => FeedEvent.From(occurrence, wording, _options.UidDomain))
            .ToList();
        var sequences = _sequences.Assign(events);
        var name = FeedFilter.Describe(filter, wording);
        var calendar = CreateCalendar(name, Description(horizon));
        foreach (var feedEvent in events)
        {
            calendar.Events.Add(feedEvent.ToCalendarEvent(sequences[feedEvent.Uid], snapshot.Version.LastModified));
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        var body = new FeedRepresentation(new UTF8Encoding(false).GetBytes(text), null);
        var lastModified = _changes.Record(filter.Key, body.ETag.Tag.ToString(), _clock.CurrentInstant, snapshot.Version.LastModified);
        return new FeedDocument(body, lastModified.ToDateTimeOffset(), name, events.Count);
    }

    private IcalCalendar CreateCalendar(string name, string description)
    {
        // No METHOD: a subscription is a plain calendar, not an iTIP message (RFC 5545 §3.7.2), and without
        // METHOD each DTSTAMP says when the event was last revised (§3.8.7.2).
        var calendar = new IcalCalendar { ProductId = ProductId };
        // RFC 7986 §5.1 NAME, with X-WR-CALNAME for the clients that predate it (Apple, Google, Outlook).
        calendar.AddProperty("NAME", name);
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("DESCRIPTION", description);
        calendar.AddProperty("X-WR-CALDESC", description);
        // RFC 7986 §5.7 REFRESH-INTERVAL must say VALUE=DURATION; X-PUBLISHED-TTL is what Outlook and Apple read.
        var interval = IcalDuration.FromTimeSpanExact(_options.RefreshInterval);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", interval);
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty(new CalendarProperty("X-PUBLISHED-TTL", interval));
        return calendar;
    }

    private static string Description(DateInterval horizon) =>
        $"Anniversaries of diplomatic relations and dated diplomatic events, each with its sources, from {horizon.Start.Year} to {horizon.End.Year}. "
        + "An event known only to the month spans that month; one known only to the year is on the web page, not here.";
}

/// <summary>A built feed's identity: the facts version, the horizon and the filter.</summary>
internal readonly record struct FeedKey(string FactsHash, Instant FactsModified, LocalDate HorizonStart, string FilterKey);
