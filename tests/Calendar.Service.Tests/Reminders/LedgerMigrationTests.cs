using Calendar.Service.Reminders;
using Calendar.Service.Storage;
using Calendar.Service.Subscriptions;
using Dapper;
using Microsoft.Data.Sqlite;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A database written by the previous version upgrades, even one holding the double reminders this version forbids.</summary>
public class LedgerMigrationTests
{
    [Fact]
    public void ALedgerWithTwoRemindersOfOneOccurrenceOnOneDay_Upgrades_AndRemembersThatDay()
    {
        using var facts = new TempFolder();
        using var data = new TempFolder();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(data.Path, "calendar.db")};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL);
                {SubscriptionSchema.Subscriptions.Sql};
                {LedgerSchema.Ledger.Sql};
                INSERT INTO schema_migrations VALUES ('{SubscriptionSchema.Subscriptions.Id}', '2027-01-01T00:00:00Z'), ('{LedgerSchema.Ledger.Id}', '2027-01-01T00:00:00Z');
                INSERT INTO subscriptions (email, lead_days, jubilee_lead_days, time_zone, send_at, state, origin, created_at, token_stamp)
                VALUES ('alice@example.org', '30,7,1', '90,30,7,1', 'Europe/Rome', '09:00', 'active', 'configuration', '2027-01-01T00:00:00Z', 'stamp');
                INSERT INTO reminder_ledger (subscription_id, occurrence_id, lead_days, due_on, state, updated_at) VALUES
                    (1, 'xa-xb-relations.2027', 7, '2027-08-14', 'sent', '2027-08-20T06:00:00Z'),
                    (1, 'xa-xb-relations.2027', 1, '2027-08-20', 'sent', '2027-08-20T07:05:00Z');
                """;
            command.ExecuteNonQuery();
        }

        using var app = Host(facts, At(2027, 8, 21, 9, 5, "Europe/Rome"), smtpPort: null, data.Path);
        using var database = app.Get<CalendarDatabase>().Open();
        var rows = database.Query<(long Lead, string? SentOn, string OccursOn, string? LeaseUntil)>(
            "SELECT lead_days, sent_on, occurs_on, lease_until FROM reminder_ledger ORDER BY lead_days").ToList();

        // The first of the two keeps the day; both learn the occurrence's day; neither has a lease (never taken over).
        Assert.Equal([(1L, null, "2027-08-21", null), (7L, "2027-08-20", "2027-08-21", null)], rows);
    }
}
