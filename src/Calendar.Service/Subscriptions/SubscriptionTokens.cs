using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Calendar.Service.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Subscriptions;

/// <summary>Signed links: confirming a subscription, and unsubscribing from it, without logging in.</summary>
/// <remarks>
/// <c>{id}.{HMAC-SHA256(secret, purpose|id|email|stamp)}</c>: nobody can unsubscribe someone else by guessing,
/// a link for one purpose does not serve another, and the stamp changes when the subscription starts or ends,
/// so an old confirmation link cannot revive it. A confirmation link also carries the choices it confirms,
/// signed with the rest: <c>{id}.{choices}.{HMAC(confirm|id|email|stamp|choices)}</c>. The secret is
/// <c>Calendar:SigningSecret</c>; when that is not set, a random one created once and kept (so that links survive
/// restarts): in the data folder with SQLite, in the database with PostgreSQL, where every replica must sign and
/// check with the same one.
/// </remarks>
internal sealed partial class SubscriptionTokens
{
    /// <summary>The kept secret's name: the file in the data folder (SQLite), the row in <c>service_secrets</c> (PostgreSQL).</summary>
    public const string SecretName = "signing-secret";

    private readonly Lazy<byte[]> _secret;

    public SubscriptionTokens(IOptions<SubscriptionOptions> options, IOptions<CalendarOptions> calendar, CalendarDatabase database, ILogger<SubscriptionTokens> logger)
    {
        // Read when the first link is signed or checked, not when the service is built: the database may not be migrated yet.
        _secret = new Lazy<byte[]>(() => !string.IsNullOrEmpty(options.Value.SigningSecret) ? Encoding.UTF8.GetBytes(options.Value.SigningSecret)
            : database.Provider == DatabaseProvider.Postgres ? Convert.FromBase64String(KeptIn(database, logger))
            : Convert.FromBase64String(KeptIn(Path.GetFullPath(calendar.Value.DataPath), logger)));
    }

    /// <summary>The secret in <c>data/signing-secret</c>, created on first use.</summary>
    public static string KeptIn(string dataFolder, ILogger logger)
    {
        Directory.CreateDirectory(dataFolder);
        var file = Path.Combine(dataFolder, SecretName);
        if (!File.Exists(file))
        {
            File.WriteAllText(file, NewSecret());
            LogGenerated(logger, file);
        }

        return File.ReadAllText(file).Trim();
    }

    /// <summary>The secret in the database, created by whichever replica needs it first (insert if absent, then read).</summary>
    public static string KeptIn(CalendarDatabase database, ILogger logger)
    {
        database.Migrate();
        using var connection = database.Open();
        if (connection.Execute("INSERT INTO service_secrets (name, value) VALUES (@name, @value) ON CONFLICT DO NOTHING", new { name = SecretName, value = NewSecret() }) > 0)
        {
            LogGenerated(logger, $"the {database.Description} (service_secrets)");
        }

        return connection.QuerySingle<string>("SELECT value FROM service_secrets WHERE name = @name", new { name = SecretName });
    }

    /// <summary>Puts a kept secret into the database, unless it holds one (copy-state); true when it was put.</summary>
    public static bool Keep(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string secret) =>
        connection.Execute(
            "INSERT INTO service_secrets (name, value) VALUES (@name, @value) ON CONFLICT DO NOTHING",
            new { name = SecretName, value = secret }, transaction) > 0;

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Longer than any token this service issues: a longer one is not read at all.</summary>
    public const int MaxLength = 4096;

    public string Issue(Subscription subscription, string purpose) => $"{subscription.Id}.{Mac(subscription, purpose, "")}";

    /// <summary>A link that starts <paramref name="pending"/> with <paramref name="wanted"/>'s choices, and no others.</summary>
    public string IssueConfirmation(Subscription pending, Subscription wanted, NodaTime.Instant now)
    {
        var choices = SubscriptionChoices.Of(wanted, now).Encode();
        return $"{pending.Id}.{choices}.{Mac(pending, TokenPurpose.Confirm, choices)}";
    }

    /// <summary>The subscription id the token is for, if the token is well formed; check it with <see cref="IsValid"/>.</summary>
    public static long? IdOf(string? token) =>
        token is { Length: <= MaxLength } && token.Split('.') is [var id, ..] and { Length: 2 or 3 }
        && long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool IsValid(string? token, Subscription subscription, string purpose) =>
        token is { Length: <= MaxLength } && token.Split('.') is [_, var mac] && Matches(mac, Mac(subscription, purpose, ""));

    /// <summary>The choices a confirmation link was issued with, if it was issued for <paramref name="subscription"/> as it stands.</summary>
    public SubscriptionChoices? ChoicesIn(string? token, Subscription subscription) =>
        token is { Length: <= MaxLength } && token.Split('.') is [_, var choices, var mac] && Matches(mac, Mac(subscription, TokenPurpose.Confirm, choices))
            ? SubscriptionChoices.Decode(choices)
            : null;

    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));

    private string Mac(Subscription subscription, string purpose, string choices)
    {
        var text = $"{purpose}|{subscription.Id}|{subscription.Email.ToLowerInvariant()}|{subscription.TokenStamp}"
            + (choices.Length > 0 ? $"|{choices}" : "");
        return Base64Url.EncodeToString(HMACSHA256.HashData(_secret.Value, Encoding.UTF8.GetBytes(text)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar:SigningSecret is not set: links in emails are signed with a random secret kept in {Place}")]
    private static partial void LogGenerated(ILogger logger, string place);
}

internal static class TokenPurpose
{
    public const string Confirm = "confirm";
    public const string Unsubscribe = "unsubscribe";
}
