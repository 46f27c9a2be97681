using Calendar.Service.Storage;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Service.Subscriptions;

/// <summary>At most <see cref="PerAddressPerDay"/> emails a day from the form to one address, whoever asks for them.</summary>
/// <remarks>
/// Counted in the database, so that a restart does not reset it and replicas on one database share it; counted
/// per address, not per client, because a flood comes from many clients at one inbox. <c>Name+tag@</c> is counted
/// as <c>name@</c> (RFC 5233 subaddresses reach one mailbox), case folded. Days are the calendar's; counts older
/// than yesterday are deleted as new ones come, so the table holds two days at most.
/// </remarks>
internal sealed class SelfServiceMailCap(CalendarDatabase database)
{
    public const int PerAddressPerDay = 3;

    /// <summary>Counts one email to <paramref name="email"/> on <paramref name="today"/>; false (and nothing counted) once the day's are used up.</summary>
    public bool TryCount(string email, LocalDate today)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM self_service_mail_counts WHERE day < @yesterday", new { yesterday = LocalDatePattern.Iso.Format(today.PlusDays(-1)) }, transaction);
        var counted = connection.ExecuteScalar<long?>(
            """
            INSERT INTO self_service_mail_counts (day, address, sent) VALUES (@today, @address, 1)
            ON CONFLICT (day, address) DO UPDATE SET sent = self_service_mail_counts.sent + 1 WHERE self_service_mail_counts.sent < @cap
            RETURNING sent
            """,
            new { today = LocalDatePattern.Iso.Format(today), address = Normalised(email), cap = PerAddressPerDay },
            transaction) is not null;
        transaction.Commit();
        return counted;
    }

    /// <summary>One mailbox, one count: <c>Victim+1@Example.org</c> is <c>victim@example.org</c>.</summary>
    public static string Normalised(string email)
    {
        var at = email.LastIndexOf('@');
        var local = email[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return (plus > 0 ? local[..plus] : local).ToLowerInvariant() + email[at..].ToLowerInvariant();
    }
}
