using Calendar.Service.Storage;

namespace Calendar.Service.Reminders;

/// <summary>The reminder ledger's table, step by step (see <see cref="Migration"/>: a step that has shipped is never edited).</summary>
internal static class LedgerSchema
{
    public static readonly Migration Ledger = new(
        "reminders-002-ledger",
        """
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
        """,
        """
        CREATE TABLE reminder_ledger (
            subscription_id BIGINT NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
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
        """);

    /// <summary>One a day: at most one row per (subscription, occurrence, local day) that went, or is going, out.</summary>
    /// <remarks>
    /// Rows sent before this step get the UTC day of their last update; should two already share a day (the
    /// reason for this step), the later one is left without a day rather than failing the migration.
    /// </remarks>
    public static readonly Migration OneADay = new(
        "reminders-003-one-a-day",
        """
        ALTER TABLE reminder_ledger ADD COLUMN sent_on TEXT;
        UPDATE reminder_ledger SET sent_on = substr(updated_at, 1, 10)
        WHERE state = 'sent' AND rowid IN (SELECT min(rowid) FROM reminder_ledger WHERE state = 'sent' GROUP BY subscription_id, occurrence_id, substr(updated_at, 1, 10));
        CREATE UNIQUE INDEX reminder_ledger_one_a_day ON reminder_ledger (subscription_id, occurrence_id, sent_on) WHERE sent_on IS NOT NULL
        """,
        """
        ALTER TABLE reminder_ledger ADD COLUMN sent_on TEXT;
        CREATE UNIQUE INDEX reminder_ledger_one_a_day ON reminder_ledger (subscription_id, occurrence_id, sent_on) WHERE sent_on IS NOT NULL
        """);

    /// <summary>
    /// Claims with a lease (<c>claimed_by</c>, <c>lease_until</c>): a digest whose node died is taken over by another.
    /// <c>occurs_on</c>, the occurrence's first day, keeps what a run reads to the occurrences still ahead.
    /// </summary>
    /// <remarks>
    /// Rows claimed before this step have no lease: they were claimed at most once, and stay so. Date arithmetic
    /// differs, hence the variant (PostgreSQL has no ledger from before this step).
    /// </remarks>
    public static readonly Migration Leases = new(
        "reminders-007-claims-with-leases",
        """
        ALTER TABLE reminder_ledger ADD COLUMN claimed_by TEXT;
        ALTER TABLE reminder_ledger ADD COLUMN lease_until TEXT;
        ALTER TABLE reminder_ledger ADD COLUMN occurs_on TEXT NOT NULL DEFAULT '';
        UPDATE reminder_ledger SET occurs_on = date(due_on, '+' || lead_days || ' days');
        CREATE INDEX reminder_ledger_ahead ON reminder_ledger (subscription_id, occurs_on)
        """,
        """
        ALTER TABLE reminder_ledger ADD COLUMN claimed_by TEXT;
        ALTER TABLE reminder_ledger ADD COLUMN lease_until TEXT;
        ALTER TABLE reminder_ledger ADD COLUMN occurs_on TEXT NOT NULL DEFAULT '';
        CREATE INDEX reminder_ledger_ahead ON reminder_ledger (subscription_id, occurs_on)
        """);

    public static IEnumerable<Migration> All => [Ledger, OneADay, Leases];
}
