using System.Collections.Concurrent;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Feed;

/// <summary>Answers a poll of a feed already built, at the front of the pipeline: no parsing, no routing, no other middleware.</summary>
/// <remarks>
/// Calendar clients poll the same URL for ever, mostly with If-None-Match. The endpoint remembers which feed each
/// exact query string it parsed asked for (per snapshot); a poll with a remembered query string then costs a
/// dictionary look-up and the same <see cref="FeedResult"/> the endpoint sends: a 304 from the cached ETag (no body,
/// no database: Last-Modified is read from memory), or the cached bytes. Anything else goes on to the endpoint.
/// </remarks>
internal sealed class FeedRevalidation(CalendarState state, FeedCache cache, FeedChanges changes, CalendarClock clock, IOptions<FeedOptions> options)
{
    /// <summary>Query strings remembered per snapshot: a stranger cycling filters cannot make the map grow without bound.</summary>
    public const int MaxRemembered = 4096;

    /// <summary>Longer query strings (many countries) are not remembered: the endpoint answers them.</summary>
    public const int MaxQueryLength = 256;

    private volatile Remembered _remembered = new(null, new(StringComparer.Ordinal));

    /// <summary>How many query strings are remembered for the snapshot in service.</summary>
    public int Count => _remembered.Keys.Count;

    /// <summary>Notes that <paramref name="query"/> asked for the feed <paramref name="key"/> of <paramref name="snapshot"/>.</summary>
    public void Remember(CalendarSnapshot snapshot, string query, FeedKey key)
    {
        var remembered = _remembered;
        if (!ReferenceEquals(remembered.Snapshot, snapshot))
        {
            remembered = _remembered = new Remembered(snapshot, new(StringComparer.Ordinal));
        }

        if (query.Length <= MaxQueryLength && remembered.Keys.Count < MaxRemembered)
        {
            remembered.Keys.TryAdd(query, key);
        }
    }

    /// <summary>Sends the feed's answer when the request is a poll of a remembered feed still in the cache; false to go on.</summary>
    public bool TryAnswer(HttpContext context, out Task answered)
    {
        answered = Task.CompletedTask;
        var request = context.Request;
        if (!request.Path.Equals(FeedApi.Path, StringComparison.Ordinal) || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        var remembered = _remembered;
        if (!ReferenceEquals(remembered.Snapshot, state.Current)
            || !remembered.Keys.TryGetValue(request.QueryString.Value ?? "", out var key)
            || !cache.TryGet(key, out var document))
        {
            return false;
        }

        var now = clock.CurrentInstant;
        answered = new FeedResult(document, changes.Record(document.Generation, now), now, options.Value.MaxAge).ExecuteAsync(context);
        return true;
    }

    private sealed record Remembered(CalendarSnapshot? Snapshot, ConcurrentDictionary<string, FeedKey> Keys);
}
