using System.Text.Json;
using Calendar.Service.Reminders;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Calendar.Service.Subscriptions;

/// <summary>The admin API: <c>/api/subscriptions</c>, behind <see cref="AdminApiKey"/>.</summary>
internal static class SubscriptionsApi
{
    public static IEndpointRouteBuilder MapSubscriptionsAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/subscriptions").WithTags("Subscriptions (admin)").AddEndpointFilter<AdminApiKey>()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes));
        group.MapGet("/", List).WithSummary("The subscriptions, a page at a time, with how their deliveries went")
            .WithDescription(
                $"Subscriptions of every state in id order, at most `limit` of them (1 to {SubscriptionPageParameters.MaxLimit}; default {SubscriptionPageParameters.DefaultLimit}), " +
                "those whose id comes after `after` (default 0: from the first). " +
                "A full page carries an RFC 8288 `Link` header to the next one, `</api/subscriptions?after={last id}&limit={limit}>; rel=\"next\"`; " +
                "the last page has none. A bad or unknown parameter is a 400 naming it.");
        group.MapGet("/{id:long}", Get).WithSummary("One subscription");
        group.MapPost("/", Create).WithSummary("Creates an active subscription (no confirmation email)").Accepts<SubscriptionRequest>("application/json");
        group.MapPut("/{id:long}", Update).Accepts<SubscriptionRequest>("application/json").WithSummary("Replaces what a subscription asks for; its state (and a refusal by the mail server) is kept");
        group.MapPost("/{id:long}/activate", Activate).WithSummary("Starts reminders again on purpose: after an unsubscribe, or once a refused mailbox works again");
        group.MapDelete("/{id:long}", Delete).WithSummary("Deletes a subscription and its delivery history");
        return app;
    }

    /// <summary>A subscription is a few hundred bytes; a body this large is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<Results<Ok<SubscriptionJson[]>, ValidationProblem>> List(
        [AsParameters] SubscriptionPageParameters parameters, HttpContext http, SubscriptionStore store, ReminderLedger ledger)
    {
        var errors = new QueryErrors();
        errors.RejectUnknown(http.Request.Query.Keys, SubscriptionPageParameters.Names);
        if (parameters.Parse(errors) is not { } page || errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The query has invalid parameters.");
        }

        var subscriptions = await store.AfterAsync(page.After, page.Limit, http.RequestAborted);
        var deliveries = ledger.Summaries([.. subscriptions.Select(s => s.Id)]);
        if (subscriptions.Count == page.Limit)
        {
            // A full page: there may be more. An empty page after the last full one is the price of not counting them.
            http.Response.Headers.Link = page.NextLink(http.Request, subscriptions[^1].Id);
        }

        return TypedResults.Ok(subscriptions.Select(s => SubscriptionJson.From(s, deliveries[s.Id])).ToArray());
    }

    public static Results<Ok<SubscriptionJson>, NotFound> Get(long id, SubscriptionStore store, ReminderLedger ledger) =>
        store.Find(id) is { } found ? TypedResults.Ok(SubscriptionJson.From(found, ledger.Summary(id))) : TypedResults.NotFound();

    public static async Task<Results<Created<SubscriptionJson>, ValidationProblem, Conflict<string>, ProblemHttpResult>> Create(
        HttpRequest http, SubscriptionStore store, ReminderLedger ledger, CalendarState calendar, CalendarClock clock, ReminderDefaults defaults)
    {
        var (request, unreadable) = await ReadAsync(http);
        if (request is null)
        {
            return unreadable!;
        }

        var errors = new QueryErrors();
        if (request.ToInput().Check(calendar.Current.Facts.Countries, defaults, errors) is not { } subscription)
        {
            return Invalid(errors);
        }

        if (store.Add(subscription with { State = SubscriptionState.Active, Origin = SubscriptionOrigin.Admin }, clock.CurrentInstant) is not { } saved)
        {
            return TypedResults.Conflict($"{subscription.Email} already has a subscription: update it with PUT.");
        }

        return TypedResults.Created($"/api/subscriptions/{saved.Id}", SubscriptionJson.From(saved, ledger.Summary(saved.Id)));
    }

    public static async Task<Results<Ok<SubscriptionJson>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        long id, HttpRequest http, SubscriptionStore store, ReminderLedger ledger, CalendarState calendar, ReminderDefaults defaults)
    {
        if (store.Find(id) is not { } existing)
        {
            return TypedResults.NotFound();
        }

        var (request, unreadable) = await ReadAsync(http);
        if (request is null)
        {
            return unreadable!;
        }

        var errors = new QueryErrors();
        if (request.ToInput().Check(calendar.Current.Facts.Countries, defaults, errors) is not { } subscription)
        {
            return Invalid(errors);
        }

        if (!string.Equals(subscription.Email, existing.Email, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Email", "cannot change: delete this subscription and create one for the new address");
            return Invalid(errors);
        }

        var saved = store.UpdateChoices(id, subscription);
        return saved is null ? TypedResults.NotFound() : TypedResults.Ok(SubscriptionJson.From(saved, ledger.Summary(id)));
    }

    public static Results<Ok<SubscriptionJson>, NotFound> Activate(long id, SubscriptionStore store, ReminderLedger ledger, CalendarClock clock)
    {
        store.Activate(id, clock.CurrentInstant);
        return store.Find(id) is { } found ? TypedResults.Ok(SubscriptionJson.From(found, ledger.Summary(id))) : TypedResults.NotFound();
    }

    public static Results<NoContent, NotFound> Delete(long id, SubscriptionStore store) =>
        store.Delete(id) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>The body, read here rather than bound, so that <see cref="AdminApiKey"/> has refused a stranger before it is read.</summary>
    private static async Task<(SubscriptionRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest http)
    {
        if (!http.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be application/json."));
        }

        try
        {
            return await http.ReadFromJsonAsync<SubscriptionRequest>(http.HttpContext.RequestAborted) is { } request
                ? (request, null)
                : (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is empty: send a subscription."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is larger than {MaxBodyBytes / 1024} KB."));
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a subscription.", extensions:
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [e.Message] } }));
        }
    }

    /// <summary>Errors keyed as the JSON body names its fields (<c>timeZone</c>, not <c>TimeZone</c>).</summary>
    private static ValidationProblem Invalid(QueryErrors errors) => TypedResults.ValidationProblem(
        errors.ToDictionary().ToDictionary(pair => JsonNamingPolicy.CamelCase.ConvertName(pair.Key), pair => pair.Value),
        title: "The subscription is invalid.");
}
