using NodaTime;

namespace Calendar.Service.Upcoming;

/// <summary>The answer of <c>GET /api/events/upcoming</c>: the inclusive range asked for and what falls in it.</summary>
internal sealed record UpcomingResponse(
    LocalDate From,
    LocalDate To,
    string TimeZone,
    LocalDate Today,
    string FactsVersion,
    string Language,
    int Count,
    IReadOnlyList<OccurrenceJson> Events);
