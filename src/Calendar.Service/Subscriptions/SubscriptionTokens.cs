using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Subscriptions;

/// <summary>Signed links: confirming a subscription, and unsubscribing from it, without logging in.</summary>
/// <remarks>
/// <c>{id}.{HMAC-SHA256(secret, purpose|id|email|stamp)}</c>: nobody can unsubscribe someone else by guessing,
/// a link for one purpose does not serve another, and the stamp changes when the subscription starts or ends,
/// so an old confirmation link cannot revive it. A confirmation link also carries the choices it confirms,
/// signed with the rest: <c>{id}.{choices}.{HMAC(confirm|id|email|stamp|choices)}</c>. The secret is
/// <c>Calendar:SigningSecret</c>, or, when that is not set, a random one created once in the data folder (so
/// links survive restarts).
/// </remarks>
internal sealed partial class SubscriptionTokens
{
    private readonly byte[] _secret;

    public SubscriptionTokens(IOptions<SubscriptionOptions> options, IOptions<CalendarOptions> calendar, ILogger<SubscriptionTokens> logger)
    {
        if (!string.IsNullOrEmpty(options.Value.SigningSecret))
        {
            _secret = Encoding.UTF8.GetBytes(options.Value.SigningSecret);
            return;
        }

        var folder = Path.GetFullPath(calendar.Value.DataPath);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "signing-secret");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            LogGenerated(logger, file);
        }

        _secret = Convert.FromBase64String(File.ReadAllText(file).Trim());
    }

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
        return Base64Url.EncodeToString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar:SigningSecret is not set: links in emails are signed with a random secret kept in {File}")]
    private static partial void LogGenerated(ILogger logger, string file);
}

internal static class TokenPurpose
{
    public const string Confirm = "confirm";
    public const string Unsubscribe = "unsubscribe";
}
