using System.Globalization;
using Calendar.Core;
using Calendar.Service.Caching;
using Calendar.Service.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Calendar.Service.Upcoming;

internal static class UpcomingApi
{
    /// <summary>The options of the endpoint and the cache of its answers.</summary>
    public static IServiceCollection AddUpcoming(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpcomingOptions>()
            .Bind(configuration.GetSection(UpcomingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<UpcomingCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapUpcoming(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/upcoming", GetUpcoming)
            .WithName("GetUpcomingEvents")
            .WithTags("Events")
            .WithSummary("Anniversaries and events in a range of dates")
            .WithDescription(
                "The range is `from` .. `from + days - 1` (default: today, 90 days) or `from` .. `to` inclusive. " +
                "`country` and `kind` repeat or take comma-separated values; `kind` is `anniversary` or a fact kind. " +
                "`jubilee=true` keeps jubilee anniversaries only, `jubilee=false` everything else. " +
                "`lang` (`en`, `ru`, `kk`; default `en`) words titles, dates and countries. Sorted by date, then the English title. " +
                "Each answer has a strong ETag: If-None-Match answers 304 while the facts and the day are the same. " +
                "One answer holds at most 20,000 events (`Calendar:Upcoming:MaxEvents`): a range and selection that hold more is a 400 naming `days` (or `to`).")
            .Produces<UpcomingResponse>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            // An answer not built yet, when every build slot is taken and the queue is full (Calendar:Builds): Retry-After says when.
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetUpcoming(
        [AsParameters] UpcomingParameters parameters, HttpRequest request, CalendarState state, CalendarClock clock, UpcomingCache cache, IOptions<UpcomingOptions> options, BuildSlots slots)
    {
        var snapshot = state.Current;
        // Read once: the default range, the key and every daysUntil agree even across midnight.
        var today = clock.Today;
        var errors = new QueryErrors();
        errors.RejectUnknown(request.Query.Keys, UpcomingParameters.Names);
        var query = parameters.Parse(today, snapshot.Facts.Countries, errors);
        if (query is null || errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The query has invalid parameters.");
        }

        if (!cache.TryGet(snapshot, query, today, out var answer))
        {
            if (!await slots.TakeForAsync(request.HttpContext))
            {
                return BuildSlots.Busy(request.HttpContext);
            }

            if (snapshot.Between(query.Range, query.Filter, options.Value.MaxEvents) is not { } events)
            {
                // Named after the parameter that set the range's end: the way to a smaller answer.
                errors.Add(string.IsNullOrWhiteSpace(parameters.To) ? "days" : "to", string.Create(CultureInfo.InvariantCulture,
                    $"{query.Range.Start:yyyy-MM-dd} to {query.Range.End:yyyy-MM-dd} holds more than the {options.Value.MaxEvents:N0} events one answer gives for this selection: ask for fewer days, or name countries or kinds"));
                return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The query asks for too many events.");
            }

            answer = cache.GetOrBuild(snapshot, query, today, clock, events);
        }

        return answer.ToResult();
    }

    /// <summary>The response body for a parsed query (its <paramref name="events"/> when they were counted already); shared with the <c>upcoming</c> command.</summary>
    public static UpcomingResponse Answer(CalendarSnapshot snapshot, UpcomingQuery query, LocalDate today, DateTimeZone zone, IReadOnlyList<Occurrence>? events = null)
    {
        var wording = Wording.For(query.Language, snapshot.Facts.Countries);
        var answered = (events ?? snapshot.Between(query.Range, query.Filter))
            .Select(occurrence => OccurrenceJson.From(occurrence, today, wording))
            .ToList();
        return new UpcomingResponse(query.Range.Start, query.Range.End, zone.Id, today, snapshot.Version.Hash, wording.Language, answered.Count, answered);
    }
}
