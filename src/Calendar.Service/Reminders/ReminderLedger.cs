using System.Data.Common;
using Calendar.Service.Storage;
using Calendar.Service.Subscriptions;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Service.Reminders;

/// <summary>What has been sent to whom: one row per (subscription, occurrence, lead time), so nothing goes twice, and nothing is lost.</summary>
/// <remarks>
/// <para>
/// States: <c>sending</c> (claimed by <c>claimed_by</c> until <c>lease_until</c>); <c>sent</c>; <c>superseded</c> (it
/// had failed, and a nearer reminder of the same occurrence went instead); <c>rejected</c> (the server refused the address for good);
/// <c>failed</c> (a transient failure: tried again after <c>next_attempt_at</c>, with a doubling wait). The primary key
/// makes a second reminder at one lead time impossible, and a unique index on (subscription, occurrence,
/// <c>sent_on</c>, the subscriber's local day) a second reminder of one occurrence on one day.
/// </para>
/// <para>
/// A digest is claimed before it is sent, marked after. Claims lock the subscriptions' rows first (PostgreSQL:
/// <c>FOR UPDATE SKIP LOCKED</c>, so that two nodes never wait for each other and never claim for the same subscriber
/// at once; SQLite: one writer), then read the ledger and plan under that lock. A node that dies after the claim
/// leaves <c>sending</c> rows whose lease runs out; the next node to claim for that subscriber takes the digest over
/// and sends it again, with the same Message-Id: it may have gone already (a second copy), it is never lost.
/// </para>
/// </remarks>
internal sealed partial class ReminderLedger(CalendarDatabase database)
{
    private const string Sending = "sending";

    private const string Columns = "subscription_id, occurrence_id, lead_days, due_on, state, late, attempts, next_attempt_at, message_id, sent_on, claimed_by, lease_until";

    /// <summary>
    /// Claims for <paramref name="lease"/>'s node the digests <paramref name="subscriptions"/> are owed now: an
    /// expired claim of theirs first (taken over as it was), otherwise what <paramref name="plan"/> makes of their
    /// history. Subscriptions another node is claiming for at this moment, or that wait after a failure, are passed over.
    /// </summary>
    public async Task<IReadOnlyList<ReminderClaim>> ClaimAsync(
        IReadOnlyList<Subscription> subscriptions, Func<Subscription, ReminderHistory, PlannedDigest?> plan, Instant now, ReminderLease lease, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var locked = (await connection.QueryAsync<long>(
            $"SELECT id FROM subscriptions WHERE id {database.Dialect.In("@ids")} AND state = 'active' AND rejected_at IS NULL ORDER BY id {database.Dialect.ForUpdateSkipLocked}",
            new { ids = subscriptions.Select(s => s.Id).ToArray() }, transaction)).ToHashSet();
        // Occurrences that have begun are owed nothing: only rows of those ahead matter (the earliest zone is UTC-12).
        var rows = (await connection.QueryAsync<LedgerRow>(
            $"SELECT {Columns} FROM reminder_ledger WHERE subscription_id {database.Dialect.In("@locked")} AND occurs_on >= @ahead",
            new { locked = locked.ToArray(), ahead = Day(now.InUtc().Date.PlusDays(-1)) }, transaction)).ToLookup(row => row.SubscriptionId);

        var until = Stamp(now + lease.Length);
        var claims = new List<ReminderClaim>();
        var claimed = new List<object>();
        var superseded = new List<object>();
        foreach (var subscription in subscriptions.Where(s => locked.Contains(s.Id)))
        {
            var ledger = rows[subscription.Id].ToList();
            var expired = ledger.Where(row => row.State == Sending && row.LeaseUntil is { } end && Instant(end) <= now).GroupBy(row => row.MessageId!).ToList();
            if (expired.Count > 0)
            {
                foreach (var digest in expired)
                {
                    claims.Add(new ReminderClaim(subscription, digest.Key, AttemptAfter(digest), [.. digest.Select(row => row.ToClaimed())], TakenOver: true));
                }

                continue;
            }

            if (ledger.Any(row => row.State == "failed" && row.NextAttemptAt is { } next && Instant(next) > now)
                || plan(subscription, HistoryOf(ledger)) is not { Due.Count: > 0 } planned)
            {
                continue;
            }

            var today = Day(now.InZone(subscription.TimeZone).Date);
            var failed = ledger.Where(row => row.State == "failed").Select(row => (row.OccurrenceId, (int)row.LeadDays)).ToHashSet();
            var previous = ledger.Where(row => planned.Due.Any(due => due.Occurrence.Id == row.OccurrenceId && due.LeadDays == row.LeadDays)).ToList();
            claims.Add(new ReminderClaim(subscription, planned.MessageId, AttemptAfter(previous), [.. planned.Due.Select(r => new ClaimedReminder(r.Occurrence.Id, r.LeadDays, r.DueOn, r.IsLate))], TakenOver: false));
            foreach (var reminder in planned.Due)
            {
                var occursOn = reminder.Occurrence.Date.FirstDay;
                claimed.Add(new { s = subscription.Id, o = reminder.Occurrence.Id, l = reminder.LeadDays, due = Day(reminder.DueOn), occurs = Day(occursOn), late = reminder.IsLate ? 1 : 0, message = planned.MessageId, today, node = lease.Node, until, now = Stamp(now) });
                // Lead times missed during downtime need no row: the day this reminder goes out (sent_on) stands for
                // them in the plan, whatever becomes of it. One that had failed stops counting as failing.
                superseded.AddRange(reminder.Superseded.Where(larger => failed.Contains((reminder.Occurrence.Id, larger)))
                    .Select(larger => new { s = subscription.Id, o = reminder.Occurrence.Id, l = larger, message = planned.MessageId, now = Stamp(now) }));
            }
        }

        await TakeOverAsync(connection, transaction, claims.Where(c => c.TakenOver), lease.Node, until);
        // Under the subscriptions' locks the plan saw every row: nothing here can conflict, unless another writer skipped the lock.
        Expect(claimed.Count, await InsertAsync(connection, transaction, claimed,
            "INSERT INTO reminder_ledger (subscription_id, occurrence_id, lead_days, due_on, occurs_on, state, late, message_id, sent_on, claimed_by, lease_until, updated_at)",
            "(@s, @o, @l, @due, @occurs, 'sending', @late, @message, @today, @node, @until, @now)",
            """
            ON CONFLICT (subscription_id, occurrence_id, lead_days) DO UPDATE SET
                state = 'sending', due_on = excluded.due_on, late = excluded.late, message_id = excluded.message_id, sent_on = excluded.sent_on,
                claimed_by = excluded.claimed_by, lease_until = excluded.lease_until, updated_at = excluded.updated_at
            WHERE reminder_ledger.state = 'failed'
            """));
        await connection.ExecuteAsync(
            """
            UPDATE reminder_ledger SET state = 'superseded', message_id = @message, next_attempt_at = NULL, updated_at = @now
            WHERE subscription_id = @s AND occurrence_id = @o AND lead_days = @l AND state = 'failed'
            """,
            superseded, transaction);
        await transaction.CommitAsync(cancellationToken);
        return claims;
    }

    /// <summary>Whether a claim may run while the run's marks commit: not on SQLite, whose one writer would make the marks wait for it.</summary>
    public bool ClaimsWhileMarking => database.Dialect.WritersRunTogether;

    /// <summary>Moves the lease of this node's claims on; the message ids it still holds (another node may have taken some over).</summary>
    public async Task<IReadOnlySet<string>> RenewAsync(IReadOnlyList<ReminderClaim> claims, ReminderLease lease, Instant now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(
            $"UPDATE reminder_ledger SET lease_until = @until WHERE subscription_id {database.Dialect.In("@ids")} AND state = 'sending' AND claimed_by = @node RETURNING message_id",
            new { ids = claims.Select(c => c.Subscription.Id).Distinct().ToArray(), until = Stamp(now + lease.Length), node = lease.Node })).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A run's marks: one connection for the whole run, each mark one statement on it.</summary>
    /// <remarks>
    /// On PostgreSQL its commits do not wait for the disk (<see cref="SqlDialect.AsynchronousCommit"/>): a mark that a
    /// database crash took back is a digest sent once more with the same Message-Id, as when a node dies before the
    /// mark. A disk sync per digest took longer than the SMTP transaction itself.
    /// </remarks>
    public async Task<ReminderMarks> OpenForMarksAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        if (database.Dialect.AsynchronousCommit is { } asynchronous)
        {
            await connection.ExecuteAsync(asynchronous);
        }

        return new ReminderMarks(this, connection);
    }

    public Task MarkSentAsync(ReminderClaim claim, Instant now, CancellationToken cancellationToken, ReminderMarks? marks = null) => MarkAsync(
        marks, claim, "state = 'sent', next_attempt_at = NULL", new() { ["now"] = Stamp(now) }, cancellationToken);

    public Task MarkRejectedAsync(ReminderClaim claim, string error, Instant now, CancellationToken cancellationToken, ReminderMarks? marks = null) => MarkAsync(
        marks, claim, "state = 'rejected', sent_on = NULL, next_attempt_at = NULL, last_error = @error", new() { ["error"] = error, ["now"] = Stamp(now) }, cancellationToken);

    /// <summary>A transient failure: the next attempt waits <paramref name="firstWait"/>, doubled with each attempt, six hours at most.</summary>
    public Task MarkFailedAsync(ReminderClaim claim, string error, Instant now, Duration firstWait, CancellationToken cancellationToken, ReminderMarks? marks = null) => MarkAsync(
        marks, claim, "state = 'failed', sent_on = NULL, next_attempt_at = @next, last_error = @error",
        new() { ["error"] = error, ["now"] = Stamp(now), ["next"] = Stamp(now + Duration.Min(firstWait * Math.Pow(2, Math.Min(claim.Attempt - 1, 16)), Duration.FromHours(6))) },
        cancellationToken);

    /// <summary>Forgets a claimed digest that is owed nothing any more (its events began, or left the facts, before it could be taken over).</summary>
    public async Task ForgetAsync(ReminderClaim claim, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "DELETE FROM reminder_ledger WHERE subscription_id = @s AND message_id = @m AND state IN ('sending', 'superseded')",
            new { s = claim.Subscription.Id, m = claim.MessageId });
    }

    /// <summary>What the admin API shows of the deliveries of <paramref name="subscriptionIds"/> (a page of them), in one query: one entry per id.</summary>
    /// <remarks>Only their rows are read (the primary key starts with <c>subscription_id</c>), never the whole ledger.</remarks>
    public IReadOnlyDictionary<long, DeliverySummary> Summaries(IReadOnlyCollection<long> subscriptionIds)
    {
        using var connection = database.Open();
        var found = connection.Query<(long Id, long Sent, long Failing, string? LastSentAt, string? LastError)>(
            $"""
            SELECT subscription_id, count(*) FILTER (WHERE state = 'sent'), count(*) FILTER (WHERE state = 'failed'),
                   max(updated_at) FILTER (WHERE state = 'sent'),
                   (SELECT last_error FROM reminder_ledger AS latest WHERE latest.subscription_id = reminder_ledger.subscription_id
                    AND state IN ('failed', 'rejected') ORDER BY updated_at DESC LIMIT 1)
            FROM reminder_ledger WHERE subscription_id {database.Dialect.In("@ids")}
            GROUP BY subscription_id
            """,
            new { ids = subscriptionIds.ToArray() })
            .ToDictionary(row => row.Id, row => new DeliverySummary((int)row.Sent, (int)row.Failing, row.LastSentAt, row.LastError));
        return subscriptionIds.Distinct().ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? DeliverySummary.None);
    }

    public DeliverySummary Summary(long subscriptionId) => Summaries([subscriptionId])[subscriptionId];

    /// <summary>What the plan needs to know: the pairs that need nothing more, and when each occurrence was last reminded of.</summary>
    private static ReminderHistory HistoryOf(IEnumerable<LedgerRow> rows)
    {
        var handled = new HashSet<(string, int)>();
        var lastSent = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        foreach (var row in rows.Where(row => row.State != "failed"))
        {
            handled.Add((row.OccurrenceId, (int)row.LeadDays));
            if (row.SentOn is { } sentOn && LocalDatePattern.Iso.Parse(sentOn).Value is var day
                && (!lastSent.TryGetValue(row.OccurrenceId, out var known) || day > known))
            {
                lastSent[row.OccurrenceId] = day;
            }
        }

        return new ReminderHistory(handled, lastSent);
    }

    private static int AttemptAfter(IEnumerable<LedgerRow> previous) => (int)previous.Select(row => row.Attempts).DefaultIfEmpty(0).Max() + 1;

    private static Task<int> TakeOverAsync(DbConnection connection, DbTransaction transaction, IEnumerable<ReminderClaim> claims, string node, string until) =>
        connection.ExecuteAsync(
            "UPDATE reminder_ledger SET claimed_by = @node, lease_until = @until WHERE subscription_id = @s AND message_id = @m AND state = 'sending'",
            claims.Select(claim => new { node, until, s = claim.Subscription.Id, m = claim.MessageId }), transaction);

    private async Task MarkAsync(ReminderMarks? marks, ReminderClaim claim, string set, Dictionary<string, object> values, CancellationToken cancellationToken)
    {
        values["s"] = claim.Subscription.Id;
        values["m"] = claim.MessageId;
        values["attempt"] = claim.Attempt;
        var update = $"""
            UPDATE reminder_ledger SET {set}, attempts = @attempt, claimed_by = NULL, lease_until = NULL, updated_at = @now
            WHERE subscription_id = @s AND message_id = @m AND state = 'sending'
            """;
        if (marks is not null)
        {
            await marks.ExecuteAsync(update, values);
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(update, new DynamicParameters(values));
    }

    /// <summary>Rows in one statement on PostgreSQL, <c>INSERT ... SELECT ... FROM unnest(@s, @o, ...)</c>: one round trip and an array a column, where Dapper runs a list one statement a row.</summary>
    /// <remarks>
    /// <paramref name="row"/> names each row's parameters (<c>(@s, @o, 'sending')</c>); each becomes a column of the
    /// unnested arrays (<c>r.s</c>). A <c>VALUES</c> list of the same rows took 1,200 parameters a batch of 100 to
    /// bind, and the server as long to parse. SQLite has no round trips to save, and binds a statement's parameters by
    /// name one at a time, each a search of them all (0.45 ms a subscription for a batch's 1,900): there Dapper runs
    /// the one-row statement once a row, prepared once (Microsoft.Data.Sqlite keeps a command's statement while its
    /// text stays).
    /// </remarks>
    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, List<object> rows, string insert, string row, string onConflict)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            return await connection.ExecuteAsync($"{insert}\nVALUES {row}\n{onConflict}", rows, transaction);
        }

        var columns = rows[0].GetType().GetProperties();
        var parameters = new DynamicParameters();
        foreach (var column in columns)
        {
            var values = Array.CreateInstance(column.PropertyType, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                values.SetValue(column.GetValue(rows[i]), i);
            }

            parameters.Add(column.Name, values);
        }

        var select = ParameterName().Replace(row.Trim()[1..^1], parameter => "r." + parameter.Value[1..]);
        var names = string.Join(", ", columns.Select(column => column.Name));
        return await connection.ExecuteAsync(
            $"{insert}\nSELECT {select} FROM unnest({string.Join(", ", columns.Select(column => "@" + column.Name))}) AS r({names})\n{onConflict}", parameters, transaction);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"@\w+")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();

    private static void Expect(int expected, int claimed)
    {
        if (claimed != expected)
        {
            throw new InvalidOperationException($"The reminder ledger changed under a claim: {claimed} of {expected} rows claimed. Nothing was claimed.");
        }
    }

    private static string Stamp(Instant instant) => SubscriptionStore.Stamp(instant);

    private static Instant Instant(string stamp) => InstantPattern.General.Parse(stamp).Value;

    private static string Day(LocalDate day) => LocalDatePattern.Iso.Format(day);

    /// <summary>A row as stored (<c>subscription_id</c> fills <c>SubscriptionId</c>).</summary>
    private sealed class LedgerRow
    {
        public long SubscriptionId { get; set; }

        public string OccurrenceId { get; set; } = "";

        public long LeadDays { get; set; }

        public string DueOn { get; set; } = "";

        public string State { get; set; } = "";

        public long Late { get; set; }

        public long Attempts { get; set; }

        public string? NextAttemptAt { get; set; }

        public string? MessageId { get; set; }

        public string? SentOn { get; set; }

        public string? ClaimedBy { get; set; }

        public string? LeaseUntil { get; set; }

        public ClaimedReminder ToClaimed() => new(OccurrenceId, (int)LeadDays, LocalDatePattern.Iso.Parse(DueOn).Value, Late == 1);
    }
}

/// <summary>What the admin API shows of a subscription's deliveries.</summary>
internal sealed record DeliverySummary(int Sent, int Failing, string? LastSentAt, string? LastError)
{
    public static DeliverySummary None { get; } = new(0, 0, null, null);
}
