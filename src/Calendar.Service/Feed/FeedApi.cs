using Calendar.Service.Caching;
using Calendar.Service.Storage;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Feed;

internal static class FeedApi
{
    public const string Path = "/calendar.ics";

    /// <summary>Feed options, the SEQUENCE and Last-Modified tables, the builder and the in-memory cache of built feeds.</summary>
    public static IServiceCollection AddFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedOptions>()
            .Bind(configuration.GetSection(FeedOptions.Section))
            .ValidateDataAnnotations()
            .Validate(_ => configuration.GetSection(FeedOptions.Section)["HorizonYears"] is null,
                "Calendar:Feed:HorizonYears is no longer read: the feed covers the calendar's one horizon, Calendar:HorizonYears")
            .ValidateOnStart();
        foreach (var migration in FeedSchema.All)
        {
            services.AddMigration(migration);
        }

        // FeedChanges asks the database again after a second of this clock (the service's own IClock may be pinned).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EventSequences>();
        services.AddSingleton<FeedChanges>();
        services.AddSingleton<FeedBuilder>();
        services.AddSingleton<FeedCache>();
        services.AddSingleton<FeedRevalidation>();
        // Room for a feed's body in 64 KB blocks rather than Kestrel's 4 KB ones.
        services.AddWideResponseBlocks();
        // The cache listens for new snapshots while the host runs, to rebuild in the background.
        services.AddHostedService(provider => provider.GetRequiredService<FeedCache>());
        return services;
    }

    /// <summary>Answers polls of feeds already built before the rest of the pipeline (see <see cref="FeedRevalidation"/>).</summary>
    public static IApplicationBuilder UseFeedRevalidation(this IApplicationBuilder app)
    {
        // Resolved at the first request, not here: the options are validated (and a bad one reported) when the host starts.
        FeedRevalidation? revalidation = null;
        return app.Use((context, next) =>
            (revalidation ??= app.ApplicationServices.GetRequiredService<FeedRevalidation>()).TryAnswer(context, out var answered) ? answered : next(context));
    }

    /// <summary><c>GET</c> and <c>HEAD /calendar.ics</c>; <c>webcal://</c> links reach the same path.</summary>
    public static IEndpointRouteBuilder MapFeed(this IEndpointRouteBuilder app)
    {
        // MapGet alone answers HEAD with 405, and calendar clients and proxies probe with HEAD.
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], GetFeed)
            .WithName("GetCalendarFeed")
            .WithTags("Feed")
            .WithSummary("The iCalendar feed to subscribe to (RFC 5545)")
            .WithDescription(
                "Same filters as the upcoming endpoint: `country` (repeatable), `kind`, `jubilee`; `lang` (`en`, `ru`, `kk`) words the events and the calendar's name, the UIDs staying the same. One all-day event per " +
                "occurrence from 1 January last year to 31 December of the horizon (`Calendar:HorizonYears`); month-precision events span their month, " +
                "year-precision ones are left out. Conditional requests (If-None-Match, If-Modified-Since) answer 304.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            // An answer not built yet, when every build slot is taken and the queue is full (Calendar:Builds): Retry-After says when.
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<FeedResult, ValidationProblem, ProblemHttpResult>> GetFeed(
        HttpRequest request, CalendarState state, FeedCache cache, FeedChanges changes, CalendarClock clock, IOptions<FeedOptions> options, FeedRevalidation revalidation, BuildSlots slots)
    {
        var snapshot = state.Current;
        var errors = new QueryErrors();
        var filter = FeedFilter.Parse(request.Query, snapshot.Facts.Countries, errors);
        var language = LanguageParameter.Parse(request.Query.ContainsKey(LanguageParameter.Name) ? request.Query[LanguageParameter.Name].ToString() : null, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The feed's filter has invalid parameters.");
        }

        var key = FeedBuilder.KeyFor(snapshot, filter, language);
        if (!cache.TryGet(key, out var document))
        {
            if (!await slots.TakeForAsync(request.HttpContext))
            {
                return BuildSlots.Busy(request.HttpContext);
            }

            document = cache.Get(snapshot, filter, language);
        }

        // One reading of the service's clock for Date and Last-Modified, so that the second is never later than the first.
        var now = clock.CurrentInstant;
        revalidation.Remember(snapshot, request.QueryString.Value ?? "", key, document);
        return new FeedResult(document, changes, now, options.Value.MaxAge);
    }
}
