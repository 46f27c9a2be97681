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
/// transaction, their digests composed in order and sent in turn over the run's SMTP connections
/// (<see cref="RemindersOptions.Connections"/>), each marked as soon as the server has taken it, while the next is
/// transmitted on another; the next one's final dot waits for that mark (<see cref="ReminderMarks"/>), whichever
/// connection it goes on. On PostgreSQL the next batch is claimed while one is sent. A node killed
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
        await using var lanes = new MailLanes(transport, options.Value.Connections);
        await using var marks = await ledger.OpenForMarksAsync(cancellationToken);
        // A batch at a time, read as the run comes to it: a run holds two batches of subscriptions, however many there are.
        var after = 0L;
        async Task<IReadOnlyList<ReminderClaim>?> ClaimNextAsync()
        {
            var batch = await subscriptions.ActiveAfterAsync(after, Batch, cancellationToken);
            if (batch.Count == 0)
            {
                return null;
            }

            after = batch[^1].Id;
            return await ledger.ClaimAsync(batch, (subscription, history) => Plan(subscription, history, snapshot, now), now, _lease, cancellationToken);
        }

        // On PostgreSQL the next batch is read and claimed while this one is sent (the claim took a tenth of the run's
        // time); SQLite has one writer, and there the claim waits for the last mark rather than for the database's lock.
        Task<IReadOnlyList<ReminderClaim>?>? ahead = null;
        try
        {
            while (true)
            {
                if (ahead is null)
                {
                    await marks.Committed;
                }

                if (await (ahead ?? ClaimNextAsync()) is not { } claims)
                {
                    ahead = null;
                    break;
                }

                ahead = ledger.ClaimsWhileMarking ? ClaimNextAsync() : null;
                if (await SendAsync(claims, snapshot, now, email, lanes, marks, result, cancellationToken) is { } unavailable)
                {
                    // The server went away: what was claimed ahead waits for the next attempt, as the rest of this batch does.
                    if (ahead is not null)
                    {
                        var next = await ahead;
                        ahead = null;
                        await FailAsync([.. (next ?? []).Select(claim => (claim, Resolve(claim, snapshot, now)))], unavailable, now, marks, result);
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
        IReadOnlyList<ReminderClaim> claims, CalendarSnapshot snapshot, Instant now, ReminderEmail email, MailLanes lanes, ReminderMarks marks, DispatchResult result, CancellationToken cancellationToken)
    {
        if (claims.Count == 0)
        {
            return null;
        }

        var digests = claims.Select(claim => (Claim: claim, Due: Resolve(claim, snapshot, now))).ToList();
        var renewAt = now + _lease.Length / 2;
        var dropped = new bool[digests.Count];
        var unavailable = new Unavailable();
        // The previous digest's outcome, recorded: the next one's final dot waits for it.
        var settled = marks.Committed;
        var i = 0;
        try
        {
            for (; i < digests.Count && unavailable.Error is null; i++)
            {
                if (clock.CurrentInstant is var current && current >= renewAt)
                {
                    // A long batch (a slow server): keep the rest of it, and pass over what another node has taken over meanwhile.
                    // After the last mark: SQLite has one writer.
                    await lanes.Idle;
                    if (!await SettledAsync(settled))
                    {
                        break;
                    }

                    var held = await ledger.RenewAsync([.. digests.Skip(i).Select(d => d.Claim)], _lease, current, cancellationToken);
                    for (var later = i; later < digests.Count; later++)
                    {
                        dropped[later] = !held.Contains(digests[later].Claim.MessageId);
                    }

                    renewAt = current + _lease.Length / 2;
                }

                // A stopping node (a deploy) stops between digests; those on the wire are finished and marked,
                // since a server that took one without the node hearing so would get it again from the next node.
                cancellationToken.ThrowIfCancellationRequested();
                var (claim, due) = digests[i];
                if (dropped[i])
                {
                    continue;
                }

                if (due.Count == 0)
                {
                    if (!await SettledAsync(settled))
                    {
                        break;
                    }

                    await ledger.ForgetAsync(claim, cancellationToken);
                    continue;
                }

                // Composed while the connections send the digests before it.
                var message = await ComposeAsync(claim, due, email);
                var hold = settled;
                // Settling it writes the next digest's final dot at once, on the thread that recorded this one.
                var outcome = new TaskCompletionSource();
                settled = outcome.Task;
                await lanes.StartAsync(mail => SendOneAsync(mail, claim, due, message, hold, outcome, now, marks, result, unavailable));
            }

            await lanes.Idle;
        }
        finally
        {
            await lanes.Idle.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (unavailable.Error is { } error)
        {
            // Not yet on the wire when the server went away: they wait for the next attempt.
            await FailAsync([.. digests.Skip(i).Where((digest, later) => digest.Due.Count > 0 && !dropped[i + later])], error, now, marks, result);
        }

        return unavailable.Error;
    }

    /// <summary>Sends one digest on one of the run's connections, once its message is composed, and records how it went.</summary>
    /// <remarks>
    /// Its final dot waits for <c>hold</c>, the previous digest's outcome recorded; <c>outcome</c> completes once this
    /// digest's is recorded too, and faults when the next digest must not go (the server went away, a mark failed).
    /// </remarks>
    private async Task SendOneAsync(
        MailSession mail, ReminderClaim claim, List<DueReminder> due, MimeMessage message, Task hold, TaskCompletionSource outcome, Instant now, ReminderMarks marks, DispatchResult result, Unavailable unavailable)
    {
        Task recorded;
        Exception? stopsTheNext = null;
        var subscription = claim.Subscription;
        try
        {
            try
            {
                await mail.SendAsync(message, hold, CancellationToken.None);
                // Commits while the next digest is on the wire; that one's final dot waits for it.
                recorded = marks.SentAsync(claim, now);
                result.AddSent(due.Count);
                LogSent(subscription.Id, due.Count, message.Subject ?? "", claim.TakenOver);
            }
            catch (MailDeliveryException e) when (e.Failure == MailFailure.RecipientRefused)
            {
                recorded = marks.RejectedAsync(claim, e.Message, now);
                subscriptions.MarkRejected(subscription.Id, e.Message, now);
                result.AddRejected(due.Count);
                LogRejected(subscription.Id, e.Message);
            }
            catch (MailDeliveryException e)
            {
                LogFailed(subscription.Id, e.Message);
                recorded = marks.FailedAsync(claim, e.Message, now, Duration.FromTimeSpan(options.Value.RetryAfter));
                result.AddFailed(due.Count);
                if (e.Failure == MailFailure.ServerUnavailable)
                {
                    // The digests after this one that are already on the wire are dropped before their final dot.
                    unavailable.Found(e.Message);
                    stopsTheNext = e;
                }
            }
            finally
            {
                // MimeKit's messages, parts and contents have finalizers: undisposed, every digest outlived a
                // collection on the finalizer's queue, and each collection took five times as long as the loop's.
                message.Dispose();
            }
        }
        catch (Exception e)
        {
            outcome.SetException(e);
            throw;
        }

        // Settled once every earlier digest is and this one's mark has committed; what went wrong before goes on down the line.
        try
        {
            await hold;
            await recorded;
        }
        catch (Exception e)
        {
            outcome.SetException(e);
            return;
        }

        if (stopsTheNext is not null)
        {
            outcome.SetException(stopsTheNext);
        }
        else
        {
            outcome.SetResult();
        }
    }

    /// <summary>Waits for the digests on the wire to be settled: false when the server went away meanwhile (the rest wait for the next attempt).</summary>
    private static async Task<bool> SettledAsync(Task settled)
    {
        await settled.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (settled.Exception?.InnerException is MailDeliveryException { Failure: MailFailure.ServerUnavailable })
        {
            return false;
        }

        await settled;
        return true;
    }

    /// <summary>Digests that were not sent: tried again after a wait that doubles with each attempt.</summary>
    private async Task FailAsync(List<(ReminderClaim Claim, List<DueReminder> Due)> unsent, string error, Instant now, ReminderMarks marks, DispatchResult result)
    {
        var retryAfter = Duration.FromTimeSpan(options.Value.RetryAfter);
        foreach (var (claim, due) in unsent)
        {
            await marks.FailedAsync(claim, error, now, retryAfter);
            result.AddFailed(due.Count);
        }
    }

    private async Task<MimeMessage> ComposeAsync(ReminderClaim claim, IReadOnlyList<DueReminder> due, ReminderEmail email)
    {
        var subscription = claim.Subscription;
        var unsubscribe = publicAddress.Link($"subscriptions/unsubscribe?token={Uri.EscapeDataString(tokens.Issue(subscription, TokenPurpose.Unsubscribe))}{SelfServiceMail.LangOf(subscription.Language)}");
        // Claimed under this id: a digest taken over keeps the id it was first sent with, whatever its events have become.
        return await email.ComposeAsync(subscription, due, unsubscribe, claim.MessageId);
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

    /// <summary>The server's failure, once a digest found it unavailable: the run sends nothing more.</summary>
    private sealed class Unavailable
    {
        private string? _error;

        public string? Error => Volatile.Read(ref _error);

        /// <summary>Keeps the first failure: digests on the other connections fail after it, for its sake.</summary>
        public void Found(string error) => Interlocked.CompareExchange(ref _error, error, null);
    }

    /// <summary>The run's SMTP connections: digests go to them in turn, and each sends one at a time.</summary>
    private sealed class MailLanes(IMailTransport transport, int count) : IAsyncDisposable
    {
        private readonly MailSession[] _sessions = [.. Enumerable.Range(0, count).Select(_ => new MailSession(transport))];
        private readonly Task[] _sending = [.. Enumerable.Repeat(Task.CompletedTask, count)];
        private int _next;

        /// <summary>Completes when no connection is sending; faults with what failed a sending.</summary>
        public Task Idle => Task.WhenAll(_sending);

        /// <summary>Starts <paramref name="send"/> on the next connection, once its previous digest is done.</summary>
        public async Task StartAsync(Func<MailSession, Task> send)
        {
            var lane = _next;
            _next = (lane + 1) % count;
            await _sending[lane];
            _sending[lane] = send(_sessions[lane]);
        }

        public async ValueTask DisposeAsync()
        {
            await Idle.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var session in _sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

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
/// <remarks>Counted by the run's connections at once.</remarks>
internal sealed class DispatchResult
{
    private int _sent;
    private int _rejected;
    private int _failed;

    public int Sent => Volatile.Read(ref _sent);

    public int Rejected => Volatile.Read(ref _rejected);

    public int Failed => Volatile.Read(ref _failed);

    public void AddSent(int reminders) => Interlocked.Add(ref _sent, reminders);

    public void AddRejected(int reminders) => Interlocked.Add(ref _rejected, reminders);

    public void AddFailed(int reminders) => Interlocked.Add(ref _failed, reminders);
}
