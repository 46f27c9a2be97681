using System.Globalization;
using System.Security.Cryptography;
using Calendar.Core;
using Calendar.Service.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Service.Subscriptions;

/// <summary>Subscriptions in the SQLite database, one per email address.</summary>
internal sealed class SubscriptionStore(CalendarDatabase database)
{
    public const string MigrationId = "reminders-001-subscriptions";

    public const string Schema = """
        CREATE TABLE subscriptions (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL DEFAULT '',
            countries TEXT NOT NULL DEFAULT '',
            kinds TEXT NOT NULL DEFAULT '',
            jubilee_only INTEGER NOT NULL DEFAULT 0,
            lead_days TEXT NOT NULL,
            jubilee_lead_days TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            send_at TEXT NOT NULL,
            state TEXT NOT NULL,
            origin TEXT NOT NULL,
            created_at TEXT NOT NULL,
            confirmed_at TEXT,
            rejected_at TEXT,
            rejection_reason TEXT,
            token_stamp TEXT NOT NULL
        )
        """;

    /// <summary>The filter says jubilees only, no jubilees, or nothing about them: <c>jubilee</c> is 1, 0 or NULL.</summary>
    public const string JubileeMigrationId = "reminders-004-jubilee-true-false-or-any";

    public const string JubileeSchema = """
        ALTER TABLE subscriptions ADD COLUMN jubilee INTEGER CHECK (jubilee IN (0, 1));
        UPDATE subscriptions SET jubilee = 1 WHERE jubilee_only = 1;
        ALTER TABLE subscriptions DROP COLUMN jubilee_only
        """;

    private const string Columns = "id, email, name, countries, kinds, jubilee, lead_days, jubilee_lead_days, time_zone, send_at, state, origin, created_at, confirmed_at, rejected_at, rejection_reason, token_stamp";

    public IReadOnlyList<Subscription> All() => Query($"SELECT {Columns} FROM subscriptions ORDER BY id", _ => { });

    public IReadOnlyList<Subscription> Active() =>
        Query($"SELECT {Columns} FROM subscriptions WHERE state = 'active' AND rejected_at IS NULL ORDER BY id", _ => { });

    public Subscription? Find(long id) => Query($"SELECT {Columns} FROM subscriptions WHERE id = $id", c => c.Parameters.AddWithValue("$id", id)).SingleOrDefault();

    public Subscription? FindByEmail(string email) =>
        Query($"SELECT {Columns} FROM subscriptions WHERE email = $email", c => c.Parameters.AddWithValue("$email", email)).SingleOrDefault();

    /// <summary>Creates the subscription in <see cref="Subscription.State"/>; null when its address already has one.</summary>
    public Subscription? Add(Subscription subscription, Instant now)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO subscriptions (email, name, countries, kinds, jubilee, lead_days, jubilee_lead_days, time_zone, send_at, state, origin, created_at, confirmed_at, token_stamp)
            VALUES ($email, $name, $countries, $kinds, $jubilee, $leads, $jubileeLeads, $zone, $sendAt, $state, $origin, $now, $confirmed, $stamp)
            ON CONFLICT (email) DO NOTHING
            RETURNING id
            """;
        BindChoices(command, subscription);
        command.Parameters.AddWithValue("$email", subscription.Email);
        command.Parameters.AddWithValue("$state", Wire(subscription.State));
        command.Parameters.AddWithValue("$origin", Wire(subscription.Origin));
        command.Parameters.AddWithValue("$now", Stamp(now));
        command.Parameters.AddWithValue("$confirmed", subscription.State == SubscriptionState.Active ? Stamp(now) : DBNull.Value);
        command.Parameters.AddWithValue("$stamp", NewStamp());
        return command.ExecuteScalar() is long id ? Find(id) : null;
    }

    /// <summary>Replaces what a subscription asks for (name, filter, ladders, zone, send time); returns it as stored.</summary>
    /// <remarks>
    /// Never its state, a refusal or its links: an address that said stop stays stopped, whoever edits its choices
    /// (configuration at start, the admin API). Only <see cref="Activate"/> starts it again.
    /// </remarks>
    public Subscription? UpdateChoices(long id, Subscription choices)
    {
        Execute("""
            UPDATE subscriptions SET name = $name, countries = $countries, kinds = $kinds, jubilee = $jubilee,
                lead_days = $leads, jubilee_lead_days = $jubileeLeads, time_zone = $zone, send_at = $sendAt
            WHERE id = $id
            """,
            c =>
            {
                BindChoices(c, choices);
                c.Parameters.AddWithValue("$id", id);
            });
        return Find(id);
    }

    /// <summary>Starts reminders on purpose (an administrator, or the address confirming): clears a refusal; older links stop working.</summary>
    public bool Activate(long id, Instant now) => Execute(
        """
        UPDATE subscriptions SET state = 'active', rejected_at = NULL, rejection_reason = NULL, confirmed_at = $now, token_stamp = $stamp
        WHERE id = $id AND (state <> 'active' OR rejected_at IS NOT NULL)
        """,
        c =>
        {
            c.Parameters.AddWithValue("$id", id);
            c.Parameters.AddWithValue("$stamp", NewStamp());
            c.Parameters.AddWithValue("$now", Stamp(now));
        }) > 0;

    /// <summary>The address confirmed: starts the subscription with the choices its link carries, once.</summary>
    /// <remarks>Only while the subscription's stamp is the one the link was issued with: a second confirmation changes nothing.</remarks>
    public bool Confirm(long id, string stamp, Subscription choices, Instant now) => Execute(
        """
        UPDATE subscriptions SET name = $name, countries = $countries, kinds = $kinds, jubilee = $jubilee,
            lead_days = $leads, jubilee_lead_days = $jubileeLeads, time_zone = $zone, send_at = $sendAt,
            state = 'active', rejected_at = NULL, rejection_reason = NULL, confirmed_at = $now, token_stamp = $newStamp
        WHERE id = $id AND token_stamp = $stamp
        """,
        c =>
        {
            BindChoices(c, choices);
            c.Parameters.AddWithValue("$id", id);
            c.Parameters.AddWithValue("$stamp", stamp);
            c.Parameters.AddWithValue("$newStamp", NewStamp());
            c.Parameters.AddWithValue("$now", Stamp(now));
        }) > 0;

    /// <summary>Stops reminders (the address said so); a new token stamp makes older links stop working.</summary>
    public bool Unsubscribe(long id) => Execute(
        "UPDATE subscriptions SET state = 'unsubscribed', token_stamp = $stamp WHERE id = $id AND state <> 'unsubscribed'",
        c =>
        {
            c.Parameters.AddWithValue("$id", id);
            c.Parameters.AddWithValue("$stamp", NewStamp());
        }) > 0;

    /// <summary>The mail server refused the address for good: recorded, shown by the admin API, and no more attempts.</summary>
    public void MarkRejected(long id, string reason, Instant now) => Execute(
        "UPDATE subscriptions SET rejected_at = $now, rejection_reason = $reason WHERE id = $id",
        c =>
        {
            c.Parameters.AddWithValue("$id", id);
            c.Parameters.AddWithValue("$now", Stamp(now));
            c.Parameters.AddWithValue("$reason", reason);
        });

    /// <summary>Forgets requests from the form that were never confirmed: no reminder ever went to them.</summary>
    public void DeletePendingCreatedBefore(Instant cutoff) => Execute(
        "DELETE FROM subscriptions WHERE state = 'pending' AND created_at < $cutoff",
        c => c.Parameters.AddWithValue("$cutoff", Stamp(cutoff)));

    public bool Delete(long id) => Execute("DELETE FROM subscriptions WHERE id = $id", c => c.Parameters.AddWithValue("$id", id)) > 0;

    public static string Wire<T>(T value)
        where T : struct, Enum => JsonNaming.ConvertName(value.ToString());

    public static string Stamp(Instant instant) => InstantPattern.General.Format(instant);

    private static readonly System.Text.Json.JsonNamingPolicy JsonNaming = System.Text.Json.JsonNamingPolicy.KebabCaseLower;

    private static readonly LocalTimePattern TimeOfDay = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private static void BindChoices(SqliteCommand command, Subscription subscription)
    {
        command.Parameters.AddWithValue("$name", subscription.Name);
        command.Parameters.AddWithValue("$countries", string.Join(',', subscription.Filter.Countries.Order()));
        command.Parameters.AddWithValue("$kinds", string.Join(',', subscription.Filter.Kinds.Order(StringComparer.Ordinal)));
        command.Parameters.AddWithValue("$jubilee", subscription.Filter.Jubilee is { } jubilee ? (jubilee ? 1 : 0) : DBNull.Value);
        command.Parameters.AddWithValue("$leads", string.Join(',', subscription.LeadDays));
        command.Parameters.AddWithValue("$jubileeLeads", string.Join(',', subscription.JubileeLeadDays));
        command.Parameters.AddWithValue("$zone", subscription.TimeZone.Id);
        command.Parameters.AddWithValue("$sendAt", TimeOfDay.Format(subscription.SendAt));
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private int Execute(string sql, Action<SqliteCommand> bind)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return command.ExecuteNonQuery();
    }

    private List<Subscription> Query(string sql, Action<SqliteCommand> bind)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        using var reader = command.ExecuteReader();
        var found = new List<Subscription>();
        while (reader.Read())
        {
            found.Add(Read(reader));
        }

        return found;
    }

    private static Subscription Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Email = reader.GetString(1),
        Name = reader.GetString(2),
        Filter = new OccurrenceFilter
        {
            Countries = Split(reader.GetString(3)).Select(CountryCode.Parse).ToHashSet(),
            Kinds = Split(reader.GetString(4)).ToHashSet(StringComparer.Ordinal),
            Jubilee = reader.IsDBNull(5) ? null : reader.GetInt64(5) == 1,
        },
        LeadDays = Days(reader.GetString(6)),
        JubileeLeadDays = Days(reader.GetString(7)),
        TimeZone = DateTimeZoneProviders.Tzdb[reader.GetString(8)],
        SendAt = TimeOfDay.Parse(reader.GetString(9)).Value,
        State = Enum.Parse<SubscriptionState>(reader.GetString(10).Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
        Origin = Enum.Parse<SubscriptionOrigin>(reader.GetString(11).Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
        CreatedAt = InstantPattern.General.Parse(reader.GetString(12)).Value,
        ConfirmedAt = reader.IsDBNull(13) ? null : InstantPattern.General.Parse(reader.GetString(13)).Value,
        RejectedAt = reader.IsDBNull(14) ? null : InstantPattern.General.Parse(reader.GetString(14)).Value,
        RejectionReason = reader.IsDBNull(15) ? null : reader.GetString(15),
        TokenStamp = reader.GetString(16),
    };

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static int[] Days(string text) => [.. Split(text).Select(day => int.Parse(day, CultureInfo.InvariantCulture))];
}
