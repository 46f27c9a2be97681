using Calendar.Core;
using Calendar.Service.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Calendar.Service.Upcoming;

internal static class UpcomingApi
{
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
                "`lang` (`en`, `ru`, `kk`; default `en`) words titles, dates and countries. Sorted by date, then the English title.");
        return app;
    }

    public static Results<Ok<UpcomingResponse>, ValidationProblem> GetUpcoming(
        [AsParameters] UpcomingParameters parameters, HttpRequest request, CalendarState state, CalendarClock clock)
    {
        var snapshot = state.Current;
        var errors = new QueryErrors();
        errors.RejectUnknown(request.Query.Keys, UpcomingParameters.Names);
        var query = parameters.Parse(clock.Today, snapshot.Facts.Countries, errors);
        if (query is null || errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The query has invalid parameters.");
        }

        return TypedResults.Ok(Answer(snapshot, query, clock));
    }

    /// <summary>The response body for a parsed query; shared with the <c>upcoming</c> command.</summary>
    public static UpcomingResponse Answer(CalendarSnapshot snapshot, UpcomingQuery query, CalendarClock clock)
    {
        var today = clock.Today;
        var wording = Wording.For(query.Language, snapshot.Facts.Countries);
        var events = snapshot.Between(query.Range, query.Filter)
            .Select(occurrence => OccurrenceJson.From(occurrence, today, wording))
            .ToList();
        return new UpcomingResponse(query.Range.Start, query.Range.End, clock.Zone.Id, today, snapshot.Version.Hash, wording.Language, events.Count, events);
    }
}
