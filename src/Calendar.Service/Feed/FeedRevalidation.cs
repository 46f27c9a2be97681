using System.Collections.Concurrent;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Feed;

/// <summary>Answers a poll of a feed already built, at the front of the pipeline: no parsing, no routing, no other middleware.</summary>
/// <remarks>
/// <para>
/// Calendar clients poll the same URL for ever, mostly with If-None-Match. The endpoint remembers which feed each
/// exact query string it parsed got (per snapshot); a poll with a remembered query string then costs a dictionary
/// look-up and the same <see cref="FeedResult"/> the endpoint sends: a 304 from the cached ETag (no body, no database,
/// no Last-Modified for a client that sends back its ETag), or the cached bytes. Anything else goes on to the endpoint.
/// </para>
/// <para>
/// The feed itself is remembered, not its key: a look-up in the cache (a boxed key, its strings hashed, the clock read)
/// was a quarter of a 304's own work. A feed that leaves the cache is let go of (<see cref="FeedCache.Evicted"/>), so
/// that nothing here holds more than the cache's bound, and the cache hears of the polls once a second per query, so
/// that its least recently used feed is still the one no one polls.
/// </para>
/// </remarks>
internal sealed class FeedRevalidation
{
    /// <summary>Query strings remembered per snapshot: a stranger cycling filters cannot make the map grow without bound.</summary>
    public const int MaxRemembered = 4096;

    /// <summary>Longer query strings (many countries) are not remembered: the endpoint answers them.</summary>
    public const int MaxQueryLength = 256;

    /// <summary>How often a remembered feed's polls count as a use of it in the cache.</summary>
    private const long TouchEveryMilliseconds = 1000;

    private readonly CalendarState _state;
    private readonly FeedCache _cache;
    private readonly FeedChanges _changes;
    private readonly CalendarClock _clock;
    private readonly IOptions<FeedOptions> _options;
    private volatile Remembered _remembered = new(null, new(StringComparer.Ordinal));

    public FeedRevalidation(CalendarState state, FeedCache cache, FeedChanges changes, CalendarClock clock, IOptions<FeedOptions> options)
    {
        _state = state;
        _cache = cache;
        _changes = changes;
        _clock = clock;
        _options = options;
        // Only the query strings of the feed that left: a stranger cycling filters through a full cache evicts often,
        // and must not send every other client's polls back to the endpoint each time.
        cache.Evicted += Forget;
    }

    /// <summary>How many query strings are remembered for the snapshot in service.</summary>
    public int Count => _remembered.Feeds.Count;

    /// <summary>Notes that <paramref name="query"/> got <paramref name="document"/>, the feed <paramref name="key"/> of <paramref name="snapshot"/>.</summary>
    public void Remember(CalendarSnapshot snapshot, string query, FeedKey key, FeedDocument document)
    {
        var remembered = _remembered;
        if (!ReferenceEquals(remembered.Snapshot, snapshot))
        {
            remembered = _remembered = new Remembered(snapshot, new(StringComparer.Ordinal));
        }

        // Only a feed the cache keeps: one too large for it is built for each request, and must not stay here either.
        if (query.Length <= MaxQueryLength && remembered.Feeds.Count < MaxRemembered && _cache.Holds(key))
        {
            remembered.Feeds.TryAdd(query, new RememberedFeed(key, document, Environment.TickCount64));
        }
    }

    /// <summary>Sends the feed's answer when the request is a poll of a remembered feed; false to go on.</summary>
    public bool TryAnswer(HttpContext context, out Task answered)
    {
        answered = Task.CompletedTask;
        var request = context.Request;
        if (!request.Path.Equals(FeedApi.Path, StringComparison.Ordinal) || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        var remembered = _remembered;
        if (!ReferenceEquals(remembered.Snapshot, _state.Current) || !remembered.Feeds.TryGetValue(request.QueryString.Value ?? "", out var feed))
        {
            return false;
        }

        var ticks = Environment.TickCount64;
        if (ticks - feed.TouchedAt >= TouchEveryMilliseconds)
        {
            feed.TouchedAt = ticks;
            _cache.Holds(feed.Key);
        }

        var now = _clock.CurrentInstant;
        var document = feed.Document;
        answered = new FeedResult(document, _changes, now, _options.Value.MaxAge).ExecuteAsync(context);
        return true;
    }

    private void Forget(FeedKey key)
    {
        var feeds = _remembered.Feeds;
        foreach (var (query, feed) in feeds)
        {
            if (feed.Key == key)
            {
                feeds.TryRemove(query, out _);
            }
        }
    }

    private sealed record Remembered(CalendarSnapshot? Snapshot, ConcurrentDictionary<string, RememberedFeed> Feeds);

    private sealed class RememberedFeed(FeedKey key, FeedDocument document, long touchedAt)
    {
        public FeedKey Key { get; } = key;

        public FeedDocument Document { get; } = document;

        /// <summary>When the cache last heard of a poll of it (<see cref="Environment.TickCount64"/>); a race only touches twice.</summary>
        public long TouchedAt { get; set; } = touchedAt;
    }
}
