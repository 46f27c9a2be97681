using Calendar.Core;
using Calendar.Service.Caching;
using Calendar.Service.Feed;
using Calendar.Service.Subscriptions;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Calendar.Service.Page;

internal static class PageApi
{
    /// <summary><c>GET /</c>: the next twelve months, filters, and the subscribe links for the current filter; <c>GET /calendar.css</c>.</summary>
    public static IEndpointRouteBuilder MapPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", GetPage)
            .WithName("GetPage")
            .ExcludeFromDescription();
        app.MapGet(PageStyles.Path, PageStyles.Get).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The most events the page lists, the nearest first: a world of relations holds about 12,000 in twelve months, a
    /// 12 MB page that took 1.8 s of CPU to render, for anyone who asked. The page says when it shows only these.
    /// </summary>
    public const int MaxEvents = 500;

    public static async Task<Results<RazorComponentResult<CalendarPage>, ProblemHttpResult>> GetPage(
        HttpRequest request, CalendarState state, CalendarClock clock, ReminderDefaults reminders, PublicAddress publicAddress, BuildSlots slots)
    {
        // Every page is rendered for its request: in a slot, held until it has been sent.
        if (!await slots.TakeForAsync(request.HttpContext))
        {
            return BuildSlots.Busy(request.HttpContext);
        }

        var snapshot = state.Current;
        var countries = snapshot.Facts.Countries;
        var errors = new QueryErrors();
        var filter = FeedFilter.Parse(request.Query, countries, errors);
        var language = PageLanguage.Of(request, errors);
        var wording = Wording.For(language, countries);
        var today = clock.Today;
        var range = new DateInterval(today, today.PlusYears(1).PlusDays(-1));
        var events = errors.Any ? [] : snapshot.Between(range, filter);
        var inFacts = snapshot.Facts.Facts.SelectMany(fact => fact.Countries).Distinct().OrderBy(countries.NameOf, StringComparer.Ordinal).ToList();
        var model = new PageModel(
            today,
            range,
            filter,
            errors.Any ? ProblemLines.Of(errors, field => request.Query[field], PageText.For(language), FeedFilter.Names) : [],
            events.Count > MaxEvents ? [.. events.Take(MaxEvents)] : events,
            inFacts,
            wording,
            FeedFilter.Describe(filter, wording),
            SubscribeLinks.For(publicAddress, request, filter, language),
            snapshot.Version.Hash,
            snapshot.Version.LastModified,
            new ReminderChoices(reminders.LeadDays, reminders.JubileeLeadDays, reminders.SendAt, TimeZoneChoices.For(inFacts, wording, PageText.For(language), reminders.TimeZone)),
            CanDeliver(snapshot, filter, today))
        {
            Text = PageText.For(language),
            Languages = PageLanguage.Links(filter, language),
            EventsInRange = events.Count,
        };

        // The page changes with the day and the facts: always revalidated, never reused from a cache. Without lang,
        // its language follows Accept-Language, which a shared cache must key on.
        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.Vary = "Accept-Language";
        headers.ContentLanguage = language.Tag();
        return new RazorComponentResult<CalendarPage>(new { Model = model })
        {
            StatusCode = errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            PreventStreamingRendering = true,
        };
    }

    /// <summary>
    /// Whether a subscription to <paramref name="filter"/> could bring anything: an occurrence from today on whose month
    /// is known. The feed leaves out what is known only to the year, and no reminder can count down to it.
    /// </summary>
    private static bool CanDeliver(CalendarSnapshot snapshot, OccurrenceFilter filter, LocalDate today) =>
        snapshot.Between(new DateInterval(today, snapshot.Window.End), filter).Any(occurrence => occurrence.Date.Precision != DatePrecision.Year);
}

// The page's models are public because Razor components are (dotnet/aspnetcore#63041), and a component's
// parameters must be as visible as the component: they hold Core's public types and plain values only.

/// <summary>Everything the page shows, worked out before any HTML is written.</summary>
/// <remarks><c>CanDeliver</c> is false when every occurrence ahead for this filter is known only to the year: the page says so instead of offering a feed and reminders.</remarks>
public sealed record PageModel(
    LocalDate Today,
    DateInterval Range,
    OccurrenceFilter Filter,
    IReadOnlyList<string> Errors,
    IReadOnlyList<Occurrence> Events,
    IReadOnlyList<CountryCode> CountriesInFacts,
    Wording Wording,
    string CalendarName,
    SubscribeLinks Links,
    string FactsVersion,
    Instant FactsChanged,
    ReminderChoices Reminders,
    bool CanDeliver)
{
    /// <summary>The page's own words in the page's language.</summary>
    public PageText Text { get; init; } = PageText.For(Language.En);

    /// <summary>The language switch.</summary>
    public IReadOnlyList<LanguageLink> Languages { get; init; } = [];

    /// <summary>How many events the twelve months hold for this selection: more than <see cref="Events"/> when the list is cut.</summary>
    public int EventsInRange { get; init; }
}

/// <summary>What the reminder form offers and says: the configured ladders, the default send time, the time zones.</summary>
public sealed record ReminderChoices(IReadOnlyList<int> LeadDays, IReadOnlyList<int> JubileeLeadDays, LocalTime SendAt, IReadOnlyList<TimeZoneGroup> TimeZones);
