using Calendar.Core;
using Calendar.Service.Page;
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
        // The emailed links carry lang: the page speaks the subscriber's language before the token is looked at.
        group.MapGet("/confirm", ConfirmPage);
        group.MapPost("/confirm", Confirm).RequireRateLimiting(RateLimitPolicy);
        group.MapGet("/unsubscribe", UnsubscribePage);
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
            var asked = SelfServiceText.Of(form["language"]);
            var lines = ProblemLines.Of(errors, field => form[field], PageText.For(asked), SubscriptionForm.Fields);
            return SelfServicePages.Message(SelfServiceText.For(asked).CheckTheForm, string.Join(" ", lines), StatusCodes.Status400BadRequest, asked);
        }

        // Over the day's cap for this address: the same answer, and no email.
        if (!cap.TryCount(wanted.Email, clock.Today))
        {
            return CheckYourInbox(wanted.Email, wanted.Language);
        }

        var now = clock.CurrentInstant;
        store.DeletePendingCreatedBefore(now - SubscriptionChoices.ValidFor);
        var existing = store.FindByEmail(wanted.Email);
        using var message = existing is { State: SubscriptionState.Active, RejectedAt: null }
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

        return CheckYourInbox(wanted.Email, wanted.Language);
    }

    public static ContentHttpResultWithStatus ConfirmPage(string? token, string? lang)
    {
        var language = SelfServiceText.Of(lang);
        var text = SelfServiceText.For(language);
        return SelfServicePages.Button(text.ConfirmTitle, text.ConfirmText, $"/subscriptions/confirm?lang={language.Tag()}", token ?? "", text.ConfirmButton, language);
    }

    public static ContentHttpResultWithStatus UnsubscribePage(string? token, string? lang)
    {
        var language = SelfServiceText.Of(lang);
        var text = SelfServiceText.For(language);
        return SelfServicePages.Button(text.StopTitle, text.StopText, $"/subscriptions/unsubscribe?lang={language.Tag()}", token ?? "", text.StopButton, language);
    }

    private static ContentHttpResultWithStatus CheckYourInbox(string email, Language language) =>
        SelfServicePages.Message(SelfServiceText.For(language).CheckYourInbox, SelfServiceText.For(language).InboxText(email), StatusCodes.Status202Accepted, language);

    /// <summary>Starts the subscription with the choices the link carries, checked again against today's facts.</summary>
    public static async Task<ContentHttpResultWithStatus> Confirm(
        HttpRequest request, SubscriptionStore store, SubscriptionTokens tokens, CalendarState calendar, ReminderDefaults defaults, CalendarClock clock, string? lang)
    {
        var token = await TokenOf(request);
        var errors = new QueryErrors();
        if (SubscriptionTokens.IdOf(token) is not { } id || store.Find(id) is not { } subscription
            || tokens.ChoicesIn(token, subscription) is not { } choices || choices.IsExpired(clock.CurrentInstant)
            || choices.ToInput(subscription.Email).Check(calendar.Current.Facts.Countries, defaults, errors) is not { } wanted
            || !store.Confirm(id, subscription.TokenStamp, wanted, clock.CurrentInstant))
        {
            var language = SelfServiceText.Of(lang);
            var said = SelfServiceText.For(language);
            return SelfServicePages.Message(said.InvalidLink, errors.Any ? said.NoLongerPossible : said.LinkNotUsable, StatusCodes.Status400BadRequest, language);
        }

        var text = SelfServiceText.For(wanted.Language);
        return SelfServicePages.Message(text.Confirmed, text.ConfirmedText(subscription.Email), language: wanted.Language);
    }

    /// <summary>RFC 8058: mail clients POST <c>List-Unsubscribe=One-Click</c> here, with no page in between.</summary>
    public static async Task<ContentHttpResultWithStatus> Unsubscribe(HttpRequest request, SubscriptionStore store, SubscriptionTokens tokens, string? lang)
    {
        var token = await TokenOf(request);
        if (SubscriptionTokens.IdOf(token) is not { } id || store.Find(id) is not { } subscription || !tokens.IsValid(token, subscription, TokenPurpose.Unsubscribe))
        {
            var language = SelfServiceText.Of(lang);
            return SelfServicePages.Message(SelfServiceText.For(language).InvalidLink, SelfServiceText.For(language).NothingChanged, StatusCodes.Status400BadRequest, language);
        }

        store.Unsubscribe(subscription.Id);
        var said = SelfServiceText.For(subscription.Language);
        return SelfServicePages.Message(said.Unsubscribed, said.UnsubscribedText(subscription.Email), language: subscription.Language);
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
