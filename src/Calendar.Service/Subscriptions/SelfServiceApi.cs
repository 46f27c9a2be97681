using Calendar.Service.Reminders;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Subscriptions;

/// <summary>Reminders for the page's current filter, with double opt-in, and one-click unsubscribe (RFC 8058).</summary>
internal static partial class SelfServiceApi
{
    public const string RateLimitPolicy = "self-service";


    public static IEndpointRouteBuilder MapSelfService(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/subscriptions").ExcludeFromDescription().DisableAntiforgery().WithMetadata(SubscriptionForm.Limits);
        group.MapPost("/", Subscribe).RequireRateLimiting(RateLimitPolicy);
        group.MapGet("/confirm", (string? token) => SelfServicePages.Button(
            "Confirm your reminders", "One more step: confirm that you want these reminders.", "/subscriptions/confirm", token ?? "", "Confirm"));
        group.MapPost("/confirm", Confirm).RequireRateLimiting(RateLimitPolicy);
        group.MapGet("/unsubscribe", (string? token) => SelfServicePages.Button(
            "Stop reminders", "Stop the reminder emails to this address?", "/subscriptions/unsubscribe", token ?? "", "Unsubscribe"));
        group.MapPost("/unsubscribe", Unsubscribe);
        return app;
    }

    /// <summary>
    /// The same answer whether or not the address is known, so that the form cannot be used to find out who subscribes:
    /// an active address gets a note saying it already receives reminders, and nothing changes; any other gets a
    /// link that starts reminders with exactly the choices of this request.
    /// </summary>
    public static async Task<ContentHttpResultWithStatus> Subscribe(
        HttpRequest request, SubscriptionStore store, SelfServiceMailCap cap, SubscriptionTokens tokens, CalendarState calendar, CalendarClock clock,
        ReminderDefaults defaults, IMailTransport transport, IOptions<RemindersOptions> options, PublicAddress publicAddress,
        ILogger<SubscriptionStore> logger, CancellationToken cancellationToken)
    {
        var (form, unreadable) = await SubscriptionForm.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return unreadable!;
        }

        var errors = new QueryErrors();
        if (SubscriptionForm.Check(form, calendar.Current.Facts.Countries, defaults, errors) is not { } wanted)
        {
            return SelfServicePages.Message("Check the form", string.Join(" ", errors.Lines), StatusCodes.Status400BadRequest);
        }

        // Over the day's cap for this address: the same answer, and no email.
        if (!cap.TryCount(wanted.Email, clock.Today))
        {
            return CheckYourInbox(wanted.Email);
        }

        var now = clock.CurrentInstant;
        store.DeletePendingCreatedBefore(now - SubscriptionChoices.ValidFor);
        var existing = store.FindByEmail(wanted.Email);
        var message = existing is { State: SubscriptionState.Active, RejectedAt: null }
            ? SelfServiceMail.AlreadySubscribed(existing.Email, options.Value, wanted.Language)
            : SelfServiceMail.Confirmation(
                existing ?? store.Add(wanted with { State = SubscriptionState.Pending, Origin = SubscriptionOrigin.SelfService }, now) ?? store.FindByEmail(wanted.Email)!,
                wanted, now, tokens, options.Value, publicAddress);
        try
        {
            await using var session = await transport.OpenAsync(cancellationToken);
            await session.SendAsync(message, cancellationToken);
        }
        catch (MailDeliveryException e)
        {
            LogNotSent(logger, e.Message);
        }

        return CheckYourInbox(wanted.Email);
    }

    private static ContentHttpResultWithStatus CheckYourInbox(string email) => SelfServicePages.Message("Check your inbox",
        $"If {email} can receive reminders, an email is on its way with a link to confirm. Reminders start only once you follow it.",
        StatusCodes.Status202Accepted);

    /// <summary>Starts the subscription with the choices the link carries, checked again against today's facts.</summary>
    public static async Task<ContentHttpResultWithStatus> Confirm(
        HttpRequest request, SubscriptionStore store, SubscriptionTokens tokens, CalendarState calendar, ReminderDefaults defaults, CalendarClock clock)
    {
        var token = await TokenOf(request);
        var errors = new QueryErrors();
        if (SubscriptionTokens.IdOf(token) is not { } id || store.Find(id) is not { } subscription
            || tokens.ChoicesIn(token, subscription) is not { } choices || choices.IsExpired(clock.CurrentInstant)
            || choices.ToInput(subscription.Email).Check(calendar.Current.Facts.Countries, defaults, errors) is not { } wanted
            || !store.Confirm(id, subscription.TokenStamp, wanted, clock.CurrentInstant))
        {
            var why = errors.Any ? $"What it asks for is no longer possible ({string.Join(" ", errors.Lines)}): ask again from the calendar's page." : "It may have been used already, be more than a week old, or have been copied incompletely.";
            return SelfServicePages.Message("This link is not valid", why, StatusCodes.Status400BadRequest);
        }

        return SelfServicePages.Message("Reminders confirmed", $"{subscription.Email} will receive reminders. Every email has a link to stop them.");
    }

    /// <summary>RFC 8058: mail clients POST <c>List-Unsubscribe=One-Click</c> here, with no page in between.</summary>
    public static async Task<ContentHttpResultWithStatus> Unsubscribe(HttpRequest request, SubscriptionStore store, SubscriptionTokens tokens)
    {
        var token = await TokenOf(request);
        if (SubscriptionTokens.IdOf(token) is not { } id || store.Find(id) is not { } subscription || !tokens.IsValid(token, subscription, TokenPurpose.Unsubscribe))
        {
            return SelfServicePages.Message("This link is not valid", "Nothing was changed.", StatusCodes.Status400BadRequest);
        }

        store.Unsubscribe(subscription.Id);
        return SelfServicePages.Message("Unsubscribed", $"{subscription.Email} will receive no more reminders.");
    }

    /// <summary>The token from the query (a link, a one-click POST) or from the form (the button on the page).</summary>
    private static async Task<string?> TokenOf(HttpRequest request)
    {
        string? token = request.Query["token"];
        if (string.IsNullOrEmpty(token) && request.HasFormContentType && await SubscriptionForm.ReadAsync(request, request.HttpContext.RequestAborted) is ({ } form, _))
        {
            token = form["token"].ToString();
        }

        return token;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Self-service email not sent: {Error}")]
    private static partial void LogNotSent(ILogger logger, string error);
}
