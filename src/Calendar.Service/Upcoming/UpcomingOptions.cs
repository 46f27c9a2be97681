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
}
