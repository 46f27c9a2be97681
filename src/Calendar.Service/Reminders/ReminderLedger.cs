using Calendar.Service.Storage;
using Calendar.Service.Subscriptions;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Service.Reminders;

/// <summary>What has been sent to whom: one row per (subscription, occurrence, lead time), so nothing goes twice.</summary>
/// <remarks>
/// States: <c>sent</c>; <c>superseded</c> (a nearer reminder of the same occurrence went instead); <c>rejected</c>
/// (the server refused the address for good); <c>failed</c> (a transient failure: tried again after
/// <c>next_attempt_at</c>, with a doubling wait). The primary key makes a second insert impossible, whatever runs.
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

    /// <summary>The (occurrence, lead) pairs that need nothing more: sent, superseded or rejected.</summary>
    public IReadOnlySet<(string OccurrenceId, int LeadDays)> Handled(long subscriptionId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT occurrence_id, lead_days FROM reminder_ledger WHERE subscription_id = $id AND state <> 'failed'";
        command.Parameters.AddWithValue("$id", subscriptionId);
        using var reader = command.ExecuteReader();
        var handled = new HashSet<(string, int)>();
        while (reader.Read())
        {
            handled.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return handled;
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
                last_error = coalesce(excluded.last_error, reminder_ledger.last_error), message_id = excluded.message_id, updated_at = excluded.updated_at
            WHERE reminder_ledger.state = 'failed'
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
