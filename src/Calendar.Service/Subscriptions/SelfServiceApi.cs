using Calendar.Service.Reminders;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Calendar.Service.Subscriptions;

/// <summary>Reminders for the page's current filter, with double opt-in, and one-click unsubscribe (RFC 8058).</summary>
internal static partial class SelfServiceApi
{
    public const string RateLimitPolicy = "self-service";

    public static IEndpointRouteBuilder MapSelfService(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/subscriptions").ExcludeFromDescription().DisableAntiforgery();
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
    /// a new or pending address gets a confirmation link; an active one gets a note saying it is already subscribed.
    /// </summary>
    public static async Task<ContentHttpResultWithStatus> Subscribe(
        HttpRequest request, SubscriptionStore store, SubscriptionTokens tokens, CalendarState calendar, CalendarClock clock,
        ReminderDefaults defaults, IMailTransport transport, IOptions<RemindersOptions> options, PublicAddress publicAddress,
        ILogger<SubscriptionStore> logger, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var errors = new QueryErrors();
        if (SubscriptionForm.Check(form, calendar.Current.Facts.Countries, defaults, errors) is not { } wanted)
        {
            return SelfServicePages.Message("Check the form", string.Join(" ", errors.Lines), StatusCodes.Status400BadRequest);
        }

        var now = clock.CurrentInstant;
        var existing = store.FindByEmail(wanted.Email);
        var message = existing is { State: SubscriptionState.Active }
            ? Mail(options.Value, wanted.Email, "You already receive these reminders",
                "Someone, probably you, asked for diplomatic anniversary reminders for this address, which already receives them. Nothing was changed. To choose other reminders, use the unsubscribe link in any reminder and subscribe again.")
            : ConfirmationMail(existing ?? store.Add(wanted with { State = SubscriptionState.Pending, Origin = SubscriptionOrigin.SelfService }, now) ?? store.FindByEmail(wanted.Email)!, tokens, options.Value, publicAddress);
        try
        {
            await using var session = await transport.OpenAsync(cancellationToken);
            await session.SendAsync(message, cancellationToken);
        }
        catch (MailDeliveryException e)
        {
            LogNotSent(logger, e.Message);
        }

        return SelfServicePages.Message("Check your inbox",
            $"If {wanted.Email} can receive reminders, an email is on its way with a link to confirm. Reminders start only once you follow it.",
            StatusCodes.Status202Accepted);
    }

    public static async Task<ContentHttpResultWithStatus> Confirm(HttpRequest request, SubscriptionStore store, SubscriptionTokens tokens, CalendarClock clock)
    {
        var subscription = await Verified(request, store, tokens, TokenPurpose.Confirm);
        if (subscription is null)
        {
            return SelfServicePages.Message("This link is not valid", "It may have been used already, or copied incompletely.", StatusCodes.Status400BadRequest);
        }

        store.Activate(subscription.Id, clock.CurrentInstant);
        return SelfServicePages.Message("Reminders confirmed", $"{subscription.Email} will receive reminders. Every email has a link to stop them.");
    }

    /// <summary>RFC 8058: mail clients POST <c>List-Unsubscribe=One-Click</c> here, with no page in between.</summary>
    public static async Task<ContentHttpResultWithStatus> Unsubscribe(HttpRequest request, SubscriptionStore store, SubscriptionTokens tokens)
    {
        var subscription = await Verified(request, store, tokens, TokenPurpose.Unsubscribe);
        if (subscription is null)
        {
            return SelfServicePages.Message("This link is not valid", "Nothing was changed.", StatusCodes.Status400BadRequest);
        }

        store.Unsubscribe(subscription.Id);
        return SelfServicePages.Message("Unsubscribed", $"{subscription.Email} will receive no more reminders.");
    }

    private static async Task<Subscription?> Verified(HttpRequest request, SubscriptionStore store, SubscriptionTokens tokens, string purpose)
    {
        string? token = request.Query["token"];
        if (string.IsNullOrEmpty(token) && request.HasFormContentType)
        {
            token = (await request.ReadFormAsync()).TryGetValue("token", out var value) ? value.ToString() : null;
        }

        return SubscriptionTokens.IdOf(token) is { } id && store.Find(id) is { } subscription && tokens.IsValid(token, subscription, purpose)
            ? subscription
            : null;
    }

    private static MimeMessage ConfirmationMail(Subscription subscription, SubscriptionTokens tokens, RemindersOptions options, PublicAddress publicAddress)
    {
        var confirm = publicAddress.Link($"subscriptions/confirm?token={Uri.EscapeDataString(tokens.Issue(subscription, TokenPurpose.Confirm))}");
        return Mail(options, subscription.Email, "Confirm your diplomatic anniversary reminders",
            $"Someone, probably you, asked for reminders of diplomatic anniversaries and events at this address. To start them, open:\n\n{confirm.AbsoluteUri}\n\nIf it was not you, ignore this email: nothing will be sent.");
    }

    private static MimeMessage Mail(RemindersOptions options, string to, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        // Our own Message-Id: MimeKit's default would carry this machine's host name.
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(options.From.Split('@')[^1].TrimEnd('>'));
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Self-service email not sent: {Error}")]
    private static partial void LogNotSent(ILogger logger, string error);
}
