using System.ComponentModel.DataAnnotations;

namespace Calendar.Service.Feed;

/// <summary>The <c>Calendar:Feed</c> section: what <c>/calendar.ics</c> holds and how clients may cache it.</summary>
internal sealed class FeedOptions
{
    public const string Section = "Calendar:Feed";

    /// <summary>
    /// The right-hand side of every UID (<c>kz-it-relations.2027@calendar.local</c>). Default <c>calendar.local</c>.
    /// </summary>
    /// <remarks>
    /// RFC 5545 §3.8.4.7 suggests a domain the publisher controls, so that UIDs are globally unique.
    /// Set it once, before anyone subscribes: changing it changes every UID, and clients then see
    /// every event deleted and added again.
    /// </remarks>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$",
        ErrorMessage = "Calendar:Feed:UidDomain must be a domain name such as calendar.example.org")]
    public string UidDomain { get; set; } = "calendar.local";

    /// <summary>How often clients are asked to poll (REFRESH-INTERVAL, X-PUBLISHED-TTL). Default 12 hours.</summary>
    [Range(typeof(TimeSpan), "00:15:00", "7.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long clients and proxies may reuse a copy before revalidating it (Cache-Control max-age). Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many megabytes of built feeds (one per filter asked for) are kept in memory, least recently used first out,
    /// counting what each feed holds of its own: its gzip and its calendar properties. Default 256. The events' text is
    /// not counted here: each event is serialized once per facts version and shared by every feed that lists it, held
    /// once (about the size of the unfiltered feed: 102 MB for the 130,000 events of a world-wide fact set, whose 193
    /// one-country feeds then add 14 MB of gzip). A feed larger than this is built for each poll.
    /// </summary>
    [Range(1, 1_048_576)]
    public int CacheMegabytes { get; set; } = 256;
}
