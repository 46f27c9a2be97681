using Calendar.Core;
using Calendar.Service.Caching;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Calendar.Service.Facts;

internal static class FactsApi
{
    private static readonly string[] Parameters = ["country"];

    /// <summary>The answers of <c>GET /api/facts</c>, kept per facts version.</summary>
    public static IServiceCollection AddFactsApi(this IServiceCollection services) => services.AddSingleton<FactsAnswers>();

    public static IEndpointRouteBuilder MapFacts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/facts", GetFacts)
            .WithName("GetFacts")
            .WithTags("Facts")
            .WithSummary("The loaded facts with their sources, in date order")
            .WithDescription(
                "`country` (repeated or comma-separated ISO codes) keeps the facts that name any of them; without it, every fact. " +
                "Each answer has a strong ETag: If-None-Match answers 304 while the facts are the same.")
            .Produces<FactsResponse>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            // An answer not built yet, when every build slot is taken and the queue is full (Calendar:Builds): Retry-After says when.
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetFacts(
        [FromQuery(Name = "country")] string[]? country, HttpRequest request, CalendarState state, FactsAnswers answers, BuildSlots slots)
    {
        var snapshot = state.Current;
        var errors = new QueryErrors();
        errors.RejectUnknown(request.Query.Keys, Parameters);
        var countries = FilterParameters.Countries(country, snapshot.Facts.Countries, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The query has invalid parameters.");
        }

        if (!answers.TryGet(snapshot, countries, out var answer))
        {
            if (!await slots.TakeForAsync(request.HttpContext))
            {
                return BuildSlots.Busy(request.HttpContext);
            }

            answer = answers.Get(snapshot, countries);
        }

        return answer.ToResult();
    }

    /// <summary>The response body: the facts that name any of <paramref name="countries"/>, or all of them when it is empty.</summary>
    public static FactsResponse Answer(CalendarSnapshot snapshot, IReadOnlySet<CountryCode> countries)
    {
        var catalog = snapshot.Facts.Countries;
        var facts = snapshot.Facts.Facts
            .Where(fact => countries.Count == 0 || fact.Countries.Any(countries.Contains))
            .Select(fact => FactJson.From(fact, catalog))
            .ToList();
        return new FactsResponse(snapshot.Version.Hash, snapshot.Version.LastModified, facts.Count, facts);
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
