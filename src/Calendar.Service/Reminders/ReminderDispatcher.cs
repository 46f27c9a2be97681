using Calendar.Core;
using Calendar.Service.Cluster;
using Calendar.Service.Feed;
using Calendar.Service.Subscriptions;
using Calendar.Service.Timeline;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace Calendar.Service.Reminders;

/// <summary>One run of dispatch: for every active subscription whose send time has come, one digest of what is due.</summary>
/// <remarks>
/// <para>
/// Idempotent: what is due comes from the ledger ("at or before now, not yet handled"), never from when the run
/// happens, so a restart, a second run or a missed one neither repeats nor loses a reminder. A transient SMTP
/// failure leaves the reminders owed (retried later, with a doubling wait); a refusal of one recipient is
/// recorded on that subscription and never blocks the others. A server that refuses the sender or cannot be
/// reached ends the run, not the subscribers: everything due waits for the next attempt.
/// </para>
/// <para>
/// Claim, send, mark (<see cref="ReminderLedger"/>): <see cref="Batch"/> subscriptions are claimed for in one
/// transaction, their digests sent over one SMTP connection, each marked as soon as the server has taken it, while the
/// next is transmitted; the next one's final dot waits for that mark (<see cref="ReminderMarks"/>). On PostgreSQL the
/// next batch is claimed while one is sent. A node killed
/// between the server's answer and the mark leaves that one digest to be sent again by the next node, with the same
/// Message-Id; nothing is lost.
/// </para>
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
    NodeName node,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>Subscriptions claimed for in one transaction: few round trips per digest, and a short lock.</summary>
    public const int Batch = 100;

    private readonly ReminderLease _lease = new(node.Value, Duration.FromTimeSpan(options.Value.Lease));

    /// <summary>This node's name in the ledger's <c>claimed_by</c>.</summary>
    public string Node => _lease.Node;

    public async Task<DispatchResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.CurrentInstant;
        var snapshot = calendar.Current;
        var result = new DispatchResult();
        var email = new ReminderEmail(snapshot.Facts.Countries, MailboxAddress.Parse(options.Value.From), publicAddress.BaseUrl, feed.Value.UidDomain, sequences, snapshot.Version.LastModified);
        await using var mail = new MailSession(transport);
        await using var marks = await ledger.OpenForMarksAsync(cancellationToken);
        var batches = subscriptions.Active().Chunk(Batch).ToList();
        Task<IReadOnlyList<ReminderClaim>> Claim(int batch) =>
            ledger.ClaimAsync(batches[batch], (subscription, history) => Plan(subscription, history, snapshot, now), now, _lease, cancellationToken);

        // On PostgreSQL the next batch is claimed while this one is sent (the claim took a tenth of the run's time);
        // SQLite has one writer, and there the claim waits for the last mark rather than for the database's lock.
        Task<IReadOnlyList<ReminderClaim>>? ahead = null;
        try
        {
            for (var batch = 0; batch < batches.Count; batch++)
            {
                if (ahead is null)
                {
                    await marks.Committed;
                }

                var claims = await (ahead ?? Claim(batch));
                ahead = ledger.ClaimsWhileMarking && batch + 1 < batches.Count ? Claim(batch + 1) : null;
                if (await SendAsync(claims, snapshot, now, email, mail, marks, result, cancellationToken) is { } unavailable)
                {
                    // The server went away: what was claimed ahead waits for the next attempt, as the rest of this batch does.
                    if (ahead is not null)
                    {
                        var next = await ahead;
                        ahead = null;
                        await FailAsync([.. next.Select(claim => (claim, Resolve(claim, snapshot, now)))], unavailable, now, marks, result);
                    }

                    break;
                }
            }
        }
        finally
        {
            // A run that stops (the node is shutting down) leaves a batch claimed ahead to its lease, as it leaves the rest of its batch.
            if (ahead is not null)
            {
                await ((Task)ahead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await marks.Committed;
        return result;
    }

    private PlannedDigest? Plan(Subscription subscription, ReminderHistory history, CalendarSnapshot snapshot, Instant now)
    {
        var today = now.InZone(subscription.TimeZone).Date;
        var horizon = new DateInterval(today, today.PlusDays(subscription.LeadDays.Concat(subscription.JubileeLeadDays).DefaultIfEmpty(0).Max()));
        var due = ReminderPlan.Due(subscription, snapshot.Between(horizon, subscription.Filter), now, history);
        return due.Count == 0 ? null : new PlannedDigest(due, ReminderEmail.MessageIdFor(subscription.Id, due.Select(r => (r.Occurrence.Id, r.LeadDays)), feed.Value.UidDomain));
    }

    /// <summary>Sends and marks each claimed digest; the server's failure when it cannot be reached (the rest wait for the next attempt).</summary>
    private async Task<string?> SendAsync(
        IReadOnlyList<ReminderClaim> claims, CalendarSnapshot snapshot, Instant now, ReminderEmail email, MailSession mail, ReminderMarks marks, DispatchResult result, CancellationToken cancellationToken)
    {
        if (claims.Count == 0)
        {
            return null;
        }

        var digests = claims.Select(claim => (Claim: claim, Due: Resolve(claim, snapshot, now))).ToList();
        var renewAt = now + _lease.Length / 2;
        // The next digest is composed while this one is sent and marked, on another core. One composition at a time
        // (ReminderEmail is not thread-safe).
        (ReminderClaim Claim, Task<MimeMessage> Message)? ahead = null;
        try
        {
            for (var i = 0; i < digests.Count; i++)
            {
                if (clock.CurrentInstant is var current && current >= renewAt)
                {
                    // A long batch (a slow server): keep the rest of it, and pass over what another node has taken over meanwhile.
                    // After the last mark: SQLite has one writer.
                    await marks.Committed;
                    var held = await ledger.RenewAsync([.. digests.Skip(i).Select(d => d.Claim)], _lease, current, cancellationToken);
                    digests = [.. digests.Take(i), .. digests.Skip(i).Where(d => held.Contains(d.Claim.MessageId))];
                    renewAt = current + _lease.Length / 2;
                    if (i == digests.Count)
                    {
                        break;
                    }
                }

                // A stopping node (a deploy) stops between digests; the one on the wire is finished and marked below,
                // since a server that took it without the node hearing so would get it again from the next node.
                cancellationToken.ThrowIfCancellationRequested();
                var (claim, due) = digests[i];
                if (due.Count == 0)
                {
                    await marks.Committed;
                    await ledger.ForgetAsync(claim, cancellationToken);
                    continue;
                }

                var subscription = claim.Subscription;
                MimeMessage message;
                if (ahead is { } composed && ReferenceEquals(composed.Claim, claim))
                {
                    message = await composed.Message;
                }
                else
                {
                    // Composed for a digest another node has taken over meanwhile: let it finish, then compose this one.
                    await SettleAsync(ahead);
                    message = await ComposeAsync(claim, due, email);
                }

                ahead = i + 1 < digests.Count && digests[i + 1] is { Due.Count: > 0 } following
                    ? (following.Claim, Task.Run(() => ComposeAsync(following.Claim, following.Due, email), CancellationToken.None))
                    : null;
                try
                {
                    await mail.SendAsync(message, marks.Committed, CancellationToken.None);
                    // Commits while the next digest is on the wire; that one's final dot waits for it.
                    _ = marks.SentAsync(claim, now);
                    result.Sent += due.Count;
                    LogSent(subscription.Id, due.Count, message.Subject ?? "", claim.TakenOver);
                }
                catch (MailDeliveryException e) when (e.Failure == MailFailure.RecipientRefused)
                {
                    await marks.RejectedAsync(claim, e.Message, now);
                    subscriptions.MarkRejected(subscription.Id, e.Message, now);
                    result.Rejected += due.Count;
                    LogRejected(subscription.Id, e.Message);
                }
                catch (MailDeliveryException e)
                {
                    LogFailed(subscription.Id, e.Message);
                    var unavailable = e.Failure == MailFailure.ServerUnavailable;
                    await FailAsync(unavailable ? digests[i..] : [digests[i]], e.Message, now, marks, result);
                    if (unavailable)
                    {
                        return e.Message;
                    }
                }
            }
        }
        finally
        {
            // Never two compositions at once, even across batches; one left unsent is simply dropped.
            await SettleAsync(ahead);
        }

        return null;
    }

    /// <summary>Digests that were not sent: tried again after a wait that doubles with each attempt.</summary>
    private async Task FailAsync(List<(ReminderClaim Claim, List<DueReminder> Due)> unsent, string error, Instant now, ReminderMarks marks, DispatchResult result)
    {
        var retryAfter = Duration.FromTimeSpan(options.Value.RetryAfter);
        foreach (var (claim, due) in unsent)
        {
            await marks.FailedAsync(claim, error, now, retryAfter);
            result.Failed += due.Count;
        }
    }

    private async Task<MimeMessage> ComposeAsync(ReminderClaim claim, IReadOnlyList<DueReminder> due, ReminderEmail email)
    {
        var subscription = claim.Subscription;
        var unsubscribe = publicAddress.Link($"subscriptions/unsubscribe?token={Uri.EscapeDataString(tokens.Issue(subscription, TokenPurpose.Unsubscribe))}{SelfServiceMail.LangOf(subscription.Language)}");
        // Claimed under this id: a digest taken over keeps the id it was first sent with, whatever its events have become.
        return await email.ComposeAsync(subscription, due, unsubscribe, claim.MessageId);
    }

    private static async Task SettleAsync((ReminderClaim Claim, Task<MimeMessage> Message)? ahead)
    {
        if (ahead is { } composed)
        {
            await ((Task)composed.Message).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>The claimed reminders as the calendar has them now; those whose events began or left the facts are owed nothing.</summary>
    private static List<DueReminder> Resolve(ReminderClaim claim, CalendarSnapshot snapshot, Instant now)
    {
        var today = now.InZone(claim.Subscription.TimeZone).Date;
        var due = new List<DueReminder>(claim.Reminders.Count);
        foreach (var reminder in claim.Reminders)
        {
            var day = reminder.DueOn.PlusDays(reminder.LeadDays);
            if (day >= today && snapshot.Between(new DateInterval(day, day), OccurrenceFilter.All).FirstOrDefault(o => o.Id == reminder.OccurrenceId) is { } occurrence)
            {
                due.Add(new DueReminder(occurrence, reminder.LeadDays, reminder.DueOn, Period.DaysBetween(today, day), reminder.IsLate, []));
            }
        }

        return due;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder digest sent to subscription {Id}: {Count} reminder(s), \"{Subject}\" (taken over from a node that stopped: {TakenOver})")]
    private partial void LogSent(long id, int count, string subject, bool takenOver);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {Id}: the mail server refused the address for good, no more attempts: {Error}")]
    private partial void LogRejected(long id, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {Id}: delivery failed, will try again later: {Error}")]
    private partial void LogFailed(long id, string error);

    /// <summary>One SMTP session for the whole run, opened when the first digest is sent, and again after the server dropped it.</summary>
    private sealed class MailSession(IMailTransport transport) : IAsyncDisposable
    {
        private IMailSession? _session;

        public async Task SendAsync(MimeMessage message, Task holdUntil, CancellationToken cancellationToken)
        {
            _session ??= await transport.OpenAsync(cancellationToken);
            try
            {
                await _session.SendAsync(message, holdUntil, cancellationToken);
            }
            catch (MailDeliveryException e) when (e.Failure == MailFailure.ServerUnavailable)
            {
                await DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_session is not null)
            {
                await _session.DisposeAsync();
                _session = null;
            }
        }
    }
}

/// <summary>How many reminders one run sent, had refused for good, and left for a later attempt.</summary>
internal sealed class DispatchResult
{
    public int Sent { get; set; }

    public int Rejected { get; set; }

    public int Failed { get; set; }
}
