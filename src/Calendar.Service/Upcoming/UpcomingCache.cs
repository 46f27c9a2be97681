using System.Text.Json;
using Calendar.Core;
using Calendar.Service.Caching;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Options;
using NodaTime;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Calendar.Service.Upcoming;

/// <summary>Answers of <c>GET /api/events/upcoming</c> as the bytes sent, per query, day and facts version, bounded by bytes.</summary>
/// <remarks>
/// The same question asked again (a dashboard polling one country for the year ahead) costs a look-up and a copy:
/// wording and serializing a year of one country's 192 anniversaries took 40 times as long as handing out its bytes.
/// Today is in the key (<c>daysUntil</c> counts from it), so a new day answers anew; a facts edit changes the version.
/// </remarks>
internal sealed class UpcomingCache : IDisposable
{
    private readonly BuiltOnceCache<Key, JsonAnswer> _answers;
    private readonly JsonSerializerOptions _json;

    public UpcomingCache(IOptions<UpcomingOptions> options, IOptions<JsonOptions> json)
    {
        _answers = new BuiltOnceCache<Key, JsonAnswer>(options.Value.CacheMegabytes * 1024L * 1024, body => body.Bytes.Length);
        _json = json.Value.SerializerOptions;
    }

    /// <summary>The answer to <paramref name="query"/> on <paramref name="today"/>, when it is kept.</summary>
    public bool TryGet(CalendarSnapshot snapshot, UpcomingQuery query, LocalDate today, out JsonAnswer answer) =>
        _answers.TryGet(KeyOf(snapshot, query, today), out answer);

    /// <summary>The answer to <paramref name="query"/> on <paramref name="today"/>, its <paramref name="events"/>, serialized as the endpoint sends it.</summary>
    public JsonAnswer GetOrBuild(CalendarSnapshot snapshot, UpcomingQuery query, LocalDate today, CalendarClock clock, IReadOnlyList<Occurrence> events) =>
        _answers.GetOrBuild(KeyOf(snapshot, query, today), () => JsonAnswer.Of(UpcomingApi.Answer(snapshot, query, today, clock.Zone, events), _json));

    public void Dispose() => _answers.Dispose();

    private static Key KeyOf(CalendarSnapshot snapshot, UpcomingQuery query, LocalDate today) =>
        new(snapshot.Version.Hash, today, query.Range, query.Filter.Key, query.Language);

    private readonly record struct Key(string FactsHash, LocalDate Today, DateInterval Range, string FilterKey, Language Language);
}
