using Calendar.Service.Feed;
using Calendar.Service.Subscriptions;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace Calendar.Service.Reminders;

/// <summary>One run of dispatch: for every active subscription whose send time has come, one digest of what is due.</summary>
/// <remarks>
/// Idempotent: what is due comes from the ledger ("at or before now, not yet handled"), never from when the run
/// happens, so a restart, a second run or a missed one neither repeats nor loses a reminder. A transient SMTP
/// failure leaves the reminders owed (retried later, with a doubling wait); a refusal of one recipient is
/// recorded on that subscription and never blocks the others. A server that refuses the sender or cannot be
/// reached fails the run, not the subscribers: everything due waits for the next attempt.
/// </remarks>
internal sealed partial class ReminderDispatcher(
    SubscriptionStore subscriptions,
    ReminderLedger ledger,
    SubscriptionTokens tokens,
    CalendarState calendar,
    CalendarClock clock,
    IMailTransport transport,
    IOptions<RemindersOptions> options,
    PublicAddress publicAddress,
    IOptions<FeedOptions> feed,
    EventSequences sequences,
    ILogger<ReminderDispatcher> logger)
{
    public async Task<DispatchResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.CurrentInstant;
        var snapshot = calendar.Current;
        var from = MailboxAddress.Parse(options.Value.From);
        var result = new DispatchResult();
        IMailSession? session = null;
        MailDeliveryException? unavailable = null;
        try
        {
            foreach (var subscription in subscriptions.Active())
            {
                if (ledger.IsWaiting(subscription.Id, now))
                {
                    continue;
                }

                var today = now.InZone(subscription.TimeZone).Date;
                var horizon = new DateInterval(today, today.PlusDays(subscription.LeadDays.Concat(subscription.JubileeLeadDays).DefaultIfEmpty(0).Max()));
                var due = ReminderPlan.Due(subscription, snapshot.Between(horizon, subscription.Filter), now, ledger.History(subscription.Id));
                if (due.Count == 0)
                {
                    continue;
                }

                if (unavailable is not null)
                {
                    // The server refused the sender or cannot be reached: these wait for the same retry as the first.
                    ledger.RecordFailure(subscription.Id, due, unavailable.Message, now, Duration.FromTimeSpan(options.Value.RetryAfter));
                    result.Failed += due.Count;
                    continue;
                }

                var unsubscribe = publicAddress.Link($"subscriptions/unsubscribe?token={Uri.EscapeDataString(tokens.Issue(subscription, TokenPurpose.Unsubscribe))}");
                var message = await ReminderEmail.ComposeAsync(subscription, due, snapshot.Facts.Countries, from, publicAddress.BaseUrl, unsubscribe, feed.Value.UidDomain, sequences, snapshot.Version.LastModified);
                if (!ledger.Claim(subscription.Id, due, today, message.MessageId ?? "", now))
                {
                    // Another run is sending these, or one of these occurrences already went out today.
                    continue;
                }

                try
                {
                    session ??= await transport.OpenAsync(cancellationToken);
                    await session.SendAsync(message, cancellationToken);
                    ledger.RecordSent(subscription.Id, due, message.MessageId ?? "", now);
                    result.Sent += due.Count;
                    LogSent(subscription.Id, due.Count, message.Subject ?? "");
                }
                catch (MailDeliveryException e) when (e.Failure == MailFailure.RecipientRefused)
                {
                    ledger.RecordRejected(subscription.Id, due, e.Message, now);
                    subscriptions.MarkRejected(subscription.Id, e.Message, now);
                    result.Rejected += due.Count;
                    LogRejected(subscription.Id, e.Message);
                }
                catch (MailDeliveryException e)
                {
                    ledger.RecordFailure(subscription.Id, due, e.Message, now, Duration.FromTimeSpan(options.Value.RetryAfter));
                    result.Failed += due.Count;
                    LogFailed(subscription.Id, e.Message);
                    if (e.Failure == MailFailure.ServerUnavailable)
                    {
                        unavailable = e;
                        await DisposeAsync(session);
                        session = null;
                    }
                }
            }
        }
        finally
        {
            await DisposeAsync(session);
        }

        return result;
    }

    private static ValueTask DisposeAsync(IMailSession? session) => session?.DisposeAsync() ?? ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder digest sent to subscription {Id}: {Count} reminder(s), \"{Subject}\"")]
    private partial void LogSent(long id, int count, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {Id}: the mail server refused the address for good, no more attempts: {Error}")]
    private partial void LogRejected(long id, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {Id}: delivery failed, will try again later: {Error}")]
    private partial void LogFailed(long id, string error);
}

/// <summary>How many reminders one run sent, had refused for good, and left for a later attempt.</summary>
internal sealed class DispatchResult
{
    public int Sent { get; set; }

    public int Rejected { get; set; }

    public int Failed { get; set; }
}
