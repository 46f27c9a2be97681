using System.ComponentModel.DataAnnotations;

namespace Calendar.Service.Upcoming;

/// <summary>The <c>Calendar:Upcoming</c> section: how <c>GET /api/events/upcoming</c> keeps its answers.</summary>
internal sealed class UpcomingOptions
{
    public const string Section = "Calendar:Upcoming";

    /// <summary>
    /// How many megabytes of answers (per query, day and facts version) are kept in memory, least recently used first
    /// out. Default 32: a year ahead for each of 193 countries (29 MB at world scale). An answer larger than this is
    /// computed for each request.
    /// </summary>
    [Range(1, 1_048_576)]
    public int CacheMegabytes { get; set; } = 32;

    /// <summary>
    /// The most events one answer holds; a range and selection that hold more are a 400 naming <c>days</c> (or
    /// <c>to</c>). Default 20,000: a year of a world of relations (18,528; 15 MB). Ten years of that world were
    /// 155 MB, 9 s of CPU and 1.2 GB resident for one request.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxEvents { get; set; } = 20_000;
}
