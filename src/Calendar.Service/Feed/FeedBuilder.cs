using System.Security.Cryptography;
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
    private readonly FeedOptions _options;
    private readonly string _settingsAndBuild;

    public FeedBuilder(EventSequences sequences, IOptions<FeedOptions> options, IOptions<CalendarOptions> calendar)
    {
        _sequences = sequences;
        _options = options.Value;
        // Everything else the bytes depend on: the settings that shape the events, and the code that writes them.
        _settingsAndBuild = string.Join('|',
            _options.UidDomain, _options.HorizonYears, _options.RefreshInterval.Ticks, calendar.Value.JubileeEvery,
            typeof(FeedBuilder).Assembly.ManifestModule.ModuleVersionId,
            typeof(Occurrence).Assembly.ManifestModule.ModuleVersionId,
            typeof(CalendarSerializer).Assembly.ManifestModule.ModuleVersionId);
    }

    /// <summary>From 1 January of last year to 31 December <see cref="FeedOptions.HorizonYears"/> years on.</summary>
    /// <remarks>
    /// Whole years, so that the feed's bytes stay the same from one day to the next and subscribers' clients
    /// see nothing new when nothing is new. The horizon moves on once a year, on 1 January.
    /// </remarks>
    public DateInterval HorizonFor(LocalDate today) =>
        new(new LocalDate(today.Year - 1, 1, 1), new LocalDate(today.Year + _options.HorizonYears, 12, 31));

    /// <summary>What every feed of <paramref name="snapshot"/> depends on besides its filter and the SEQUENCE values.</summary>
    /// <remarks>
    /// The facts (their hash, and their time, which is every DTSTAMP), the horizon, the settings and the build. SEQUENCE
    /// values only rise when one of these changes, so recording when the generation changed dates every feed.
    /// </remarks>
    public string GenerationOf(CalendarSnapshot snapshot)
    {
        var text = string.Join('|', snapshot.Version.Hash, snapshot.Version.LastModified.ToUnixTimeSeconds(), HorizonFor(snapshot.Today).Start.Year, _settingsAndBuild);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

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
        return new FeedDocument(body, GenerationOf(snapshot), name, events.Count);
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
