using System.Text;
using Calendar.Core;
using Calendar.Service.Feed;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Calendar.Service.Page;

internal static class PageApi
{
    /// <summary><c>GET /</c>: the next twelve months, filters, and the subscribe links for the current filter.</summary>
    public static IEndpointRouteBuilder MapPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", GetPage)
            .WithName("GetPage")
            .WithTags("Page")
            .WithSummary("The web page: upcoming events by month, filters and subscribe links (HTML)")
            .ExcludeFromDescription();
        return app;
    }

    public static ContentHttpResult GetPage(HttpRequest request, CalendarState state, CalendarClock clock, Subscriptions.ReminderDefaults reminders)
    {
        var snapshot = state.Current;
        var countries = snapshot.Facts.Countries;
        var errors = new QueryErrors();
        var filter = FeedFilter.Parse(request.Query, countries, errors);
        var today = clock.Today;
        var range = new DateInterval(today, today.PlusYears(1).PlusDays(-1));
        var model = new PageModel(
            today,
            range,
            filter,
            errors.Any ? [.. errors.Lines] : [],
            errors.Any ? [] : snapshot.Between(range, filter),
            snapshot.Facts.Facts.SelectMany(fact => fact.Countries).Distinct().OrderBy(countries.NameOf, StringComparer.Ordinal).ToList(),
            countries,
            FeedFilter.Describe(filter, countries),
            FeedFilter.Selection(filter, countries),
            SubscribeLinks.For(request, filter),
            snapshot.Version,
            reminders);

        // The page changes with the day and the facts: always revalidated, never reused from a cache.
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(
            CalendarPage.Render(model),
            "text/html; charset=utf-8",
            Encoding.UTF8,
            errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}

/// <summary>Everything the page shows, worked out before any HTML is written.</summary>
internal sealed record PageModel(
    LocalDate Today,
    DateInterval Range,
    OccurrenceFilter Filter,
    IReadOnlyList<string> Errors,
    IReadOnlyList<Occurrence> Events,
    IReadOnlyList<CountryCode> CountriesInFacts,
    CountryCatalog Countries,
    string CalendarName,
    string? Selection,
    SubscribeLinks Links,
    Facts.FactsVersion Version,
    Subscriptions.ReminderDefaults Reminders);
