using Calendar.Service.Storage;
using Calendar.Service.Subscriptions;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Service.Reminders;

/// <summary>What has been sent to whom: one row per (subscription, occurrence, lead time), so nothing goes twice.</summary>
/// <remarks>
/// States: <c>sending</c> (claimed by a run, before the SMTP transaction); <c>sent</c>; <c>superseded</c> (a nearer
/// reminder of the same occurrence went instead); <c>rejected</c> (the server refused the address for good);
/// <c>failed</c> (a transient failure: tried again after <c>next_attempt_at</c>, with a doubling wait).
/// The primary key makes a second reminder at one lead time impossible, and a unique index on
/// (subscription, occurrence, <c>sent_on</c>, the subscriber's local day) a second reminder of one occurrence on one
/// day, whatever runs: two runs at once, a restart, or another replica on the same database. A run claims its
/// rows before sending, so a crash between the claim and the answer leaves <c>sending</c>: that reminder may have
/// gone, and is not sent again (at most once, never twice).
/// </remarks>
internal sealed class ReminderLedger(CalendarDatabase database)
{
    public const string MigrationId = "reminders-002-ledger";

    public const string Schema = """
        CREATE TABLE reminder_ledger (
            subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
            occurrence_id TEXT NOT NULL,
            lead_days INTEGER NOT NULL,
            due_on TEXT NOT NULL,
            state TEXT NOT NULL,
            late INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            message_id TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (subscription_id, occurrence_id, lead_days)
        )
        """;

    /// <summary>One a day: at most one row per (subscription, occurrence, local day) that went, or is going, out.</summary>
    /// <remarks>
    /// Rows sent before this step get the UTC day of their last update; should two already share a day (the
    /// reason for this step), the later one is left without a day rather than failing the migration.
    /// </remarks>
    public const string OneADayMigrationId = "reminders-003-one-a-day";

    public const string OneADaySchema = """
        ALTER TABLE reminder_ledger ADD COLUMN sent_on TEXT;
        UPDATE reminder_ledger SET sent_on = substr(updated_at, 1, 10)
        WHERE state = 'sent' AND rowid IN (SELECT min(rowid) FROM reminder_ledger WHERE state = 'sent' GROUP BY subscription_id, occurrence_id, substr(updated_at, 1, 10));
        CREATE UNIQUE INDEX reminder_ledger_one_a_day ON reminder_ledger (subscription_id, occurrence_id, sent_on) WHERE sent_on IS NOT NULL
        """;

    /// <summary>What the plan needs to know: the pairs that need nothing more, and when each occurrence was last reminded of.</summary>
    public ReminderHistory History(long subscriptionId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT occurrence_id, lead_days, sent_on FROM reminder_ledger WHERE subscription_id = $id AND state <> 'failed'";
        command.Parameters.AddWithValue("$id", subscriptionId);
        using var reader = command.ExecuteReader();
        var handled = new HashSet<(string, int)>();
        var lastSent = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var occurrence = reader.GetString(0);
            handled.Add((occurrence, reader.GetInt32(1)));
            if (!reader.IsDBNull(2) && LocalDatePattern.Iso.Parse(reader.GetString(2)).Value is var day
                && (!lastSent.TryGetValue(occurrence, out var known) || day > known))
            {
                lastSent[occurrence] = day;
            }
        }

        return new ReminderHistory(handled, lastSent);
    }

    /// <summary>
    /// Claims the reminders of one digest for the subscriber's local <paramref name="today"/>, before it is sent;
    /// false when another run has claimed any of them, or already sent one of these occurrences today.
    /// </summary>
    public bool Claim(long subscriptionId, IReadOnlyList<DueReminder> reminders, LocalDate today, string messageId, Instant now)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO reminder_ledger (subscription_id, occurrence_id, lead_days, due_on, state, late, message_id, sent_on, updated_at)
            VALUES ($s, $o, $l, $due, 'sending', $late, $message, $today, $now)
            ON CONFLICT (subscription_id, occurrence_id, lead_days) DO UPDATE SET
                state = 'sending', message_id = excluded.message_id, sent_on = excluded.sent_on, updated_at = excluded.updated_at
            WHERE reminder_ledger.state = 'failed'
            """;
        command.Parameters.AddWithValue("$s", subscriptionId);
        command.Parameters.AddWithValue("$message", messageId);
        command.Parameters.AddWithValue("$today", LocalDatePattern.Iso.Format(today));
        command.Parameters.AddWithValue("$now", SubscriptionStore.Stamp(now));
        var occurrence = command.Parameters.Add("$o", SqliteType.Text);
        var lead = command.Parameters.Add("$l", SqliteType.Integer);
        var due = command.Parameters.Add("$due", SqliteType.Text);
        var late = command.Parameters.Add("$late", SqliteType.Integer);
        try
        {
            foreach (var reminder in reminders)
            {
                (occurrence.Value, lead.Value, due.Value, late.Value) = (reminder.Occurrence.Id, reminder.LeadDays, LocalDatePattern.Iso.Format(reminder.DueOn), reminder.IsLate ? 1 : 0);
                if (command.ExecuteNonQuery() == 0)
                {
                    // The row exists and is not waiting for a retry: another run has it.
                    return false;
                }
            }
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == UniqueConstraintFailed)
        {
            // reminder_ledger_one_a_day: this occurrence already went out (or is going out) today.
            return false;
        }

        transaction.Commit();
        return true;
    }

    /// <summary>Whether the last failure asked to wait before trying this subscription again.</summary>
    public bool IsWaiting(long subscriptionId, Instant now)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(next_attempt_at) FROM reminder_ledger WHERE subscription_id = $id AND state = 'failed'";
        command.Parameters.AddWithValue("$id", subscriptionId);
        return command.ExecuteScalar() is string next && InstantPattern.General.Parse(next).Value > now;
    }

    // SQLITE_CONSTRAINT_UNIQUE (https://sqlite.org/rescode.html#constraint_unique).
    private const int UniqueConstraintFailed = 2067;

    public void RecordSent(long subscriptionId, IReadOnlyList<DueReminder> reminders, string messageId, Instant now) =>
        Record(subscriptionId, reminders, "sent", messageId, null, now, _ => null);

    public void RecordRejected(long subscriptionId, IReadOnlyList<DueReminder> reminders, string error, Instant now) =>
        Record(subscriptionId, reminders, "rejected", null, error, now, _ => null);

    /// <summary>A transient failure: the next attempt waits <paramref name="firstWait"/>, doubled with each attempt, six hours at most.</summary>
    public void RecordFailure(long subscriptionId, IReadOnlyList<DueReminder> reminders, string error, Instant now, Duration firstWait) =>
        Record(subscriptionId, reminders, "failed", null, error, now, attempts =>
            now + Duration.Min(firstWait * Math.Pow(2, Math.Min(attempts - 1, 16)), Duration.FromHours(6)));

    public DeliverySummary Summary(long subscriptionId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*) FILTER (WHERE state = 'sent'), count(*) FILTER (WHERE state = 'failed'),
                   max(updated_at) FILTER (WHERE state = 'sent'),
                   (SELECT last_error FROM reminder_ledger WHERE subscription_id = $id AND state IN ('failed', 'rejected') ORDER BY updated_at DESC LIMIT 1)
            FROM reminder_ledger WHERE subscription_id = $id
            """;
        command.Parameters.AddWithValue("$id", subscriptionId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new DeliverySummary(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    private void Record(long subscriptionId, IReadOnlyList<DueReminder> reminders, string state, string? messageId, string? error, Instant now, Func<int, Instant?> nextAttempt)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var reminder in reminders)
        {
            Upsert(connection, transaction, subscriptionId, reminder.Occurrence.Id, reminder.LeadDays, reminder.DueOn, state, reminder.IsLate, messageId, error, now, nextAttempt);
            foreach (var larger in reminder.Superseded)
            {
                // Only once the nearer reminder is sent do the missed ones count as done.
                if (state == "sent")
                {
                    Upsert(connection, transaction, subscriptionId, reminder.Occurrence.Id, larger, reminder.Occurrence.Date.FirstDay.PlusDays(-larger), "superseded", true, messageId, null, now, _ => null);
                }
            }
        }

        transaction.Commit();
    }

    private static void Upsert(
        SqliteConnection connection, SqliteTransaction transaction, long subscriptionId, string occurrenceId, int lead, LocalDate dueOn,
        string state, bool late, string? messageId, string? error, Instant now, Func<int, Instant?> nextAttempt)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT attempts FROM reminder_ledger WHERE subscription_id = $s AND occurrence_id = $o AND lead_days = $l";
        read.Parameters.AddWithValue("$s", subscriptionId);
        read.Parameters.AddWithValue("$o", occurrenceId);
        read.Parameters.AddWithValue("$l", lead);
        var attempts = (read.ExecuteScalar() is long previous ? (int)previous : 0) + 1;

        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = """
            INSERT INTO reminder_ledger (subscription_id, occurrence_id, lead_days, due_on, state, late, attempts, next_attempt_at, last_error, message_id, updated_at)
            VALUES ($s, $o, $l, $due, $state, $late, $attempts, $next, $error, $message, $now)
            ON CONFLICT (subscription_id, occurrence_id, lead_days) DO UPDATE SET
                state = excluded.state, late = excluded.late, attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at,
                last_error = coalesce(excluded.last_error, reminder_ledger.last_error), message_id = excluded.message_id, updated_at = excluded.updated_at,
                sent_on = CASE WHEN excluded.state = 'sent' THEN reminder_ledger.sent_on END
            WHERE reminder_ledger.state IN ('failed', 'sending')
            """;
        write.Parameters.AddWithValue("$s", subscriptionId);
        write.Parameters.AddWithValue("$o", occurrenceId);
        write.Parameters.AddWithValue("$l", lead);
        write.Parameters.AddWithValue("$due", LocalDatePattern.Iso.Format(dueOn));
        write.Parameters.AddWithValue("$state", state);
        write.Parameters.AddWithValue("$late", late ? 1 : 0);
        write.Parameters.AddWithValue("$attempts", attempts);
        write.Parameters.AddWithValue("$next", nextAttempt(attempts) is { } next ? SubscriptionStore.Stamp(next) : DBNull.Value);
        write.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        write.Parameters.AddWithValue("$message", (object?)messageId ?? DBNull.Value);
        write.Parameters.AddWithValue("$now", SubscriptionStore.Stamp(now));
        write.ExecuteNonQuery();
    }
}

/// <summary>What the admin API shows of a subscription's deliveries.</summary>
internal sealed record DeliverySummary(int Sent, int Failing, string? LastSentAt, string? LastError);
