using Calendar.Core;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using NodaTime;

namespace Calendar.Service.Facts;

internal static class FactsApi
{
    public static IEndpointRouteBuilder MapFacts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/facts", GetFacts)
            .WithName("GetFacts")
            .WithTags("Facts")
            .WithSummary("Every loaded fact with its sources, in date order");
        return app;
    }

    public static FactsResponse GetFacts(CalendarState state)
    {
        var snapshot = state.Current;
        var countries = snapshot.Facts.Countries;
        return new FactsResponse(
            snapshot.Version.Hash,
            snapshot.Version.LastModified,
            snapshot.Facts.Facts.Count,
            [.. snapshot.Facts.Facts.Select(fact => FactJson.From(fact, countries))]);
    }
}

internal sealed record FactsResponse(string Version, Instant LastModified, int Count, IReadOnlyList<FactJson> Facts);

/// <summary>A fact as written in the facts files, with its date at its own precision (<c>2016-09</c>).</summary>
internal sealed record FactJson(
    string Id,
    string Kind,
    IReadOnlyList<string> Countries,
    string Date,
    string Precision,
    string Title,
    string? AnniversaryOf,
    bool Recurs,
    string Status,
    LocationJson? Location,
    IReadOnlyList<string> Participants,
    string? Note,
    string? Derived,
    IReadOnlyList<SourceJson> Sources)
{
    public static FactJson From(Fact fact, CountryCatalog countries) => new(
        fact.Id,
        fact.Kind.Name(),
        [.. fact.Countries.Select(code => code.Value)],
        fact.Date.ToIsoString(),
        OccurrenceJson.Wire(fact.Date.Precision),
        fact.Title,
        fact.AnniversaryOf,
        fact.Recurs,
        OccurrenceJson.Wire(fact.Status),
        LocationJson.From(fact.Place, countries),
        fact.Participants,
        fact.Note,
        fact.Derivation,
        [.. fact.Sources.Select(SourceJson.From)]);
}
