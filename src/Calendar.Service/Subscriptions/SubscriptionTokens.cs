using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Subscriptions;

/// <summary>Signed links: confirming a subscription, and unsubscribing from it, without logging in.</summary>
/// <remarks>
/// <c>{id}.{HMAC-SHA256(secret, purpose|id|email|stamp)}</c>: nobody can unsubscribe someone else by guessing,
/// a link for one purpose does not serve another, and the stamp changes when the subscription starts or ends,
/// so an old confirmation link cannot revive it. The secret is <c>Calendar:SigningSecret</c>, or, when that is
/// not set, a random one created once in the data folder (so links survive restarts).
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

    public string Issue(Subscription subscription, string purpose) => $"{subscription.Id}.{Mac(subscription, purpose)}";

    /// <summary>The subscription id the token is for, if the token is well formed; check it with <see cref="IsValid"/>.</summary>
    public static long? IdOf(string? token) =>
        token?.Split('.') is [var id, _] && long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool IsValid(string? token, Subscription subscription, string purpose)
    {
        if (token?.Split('.') is not [_, var mac])
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(subscription, purpose));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(mac));
    }

    private string Mac(Subscription subscription, string purpose)
    {
        var text = $"{purpose}|{subscription.Id}|{subscription.Email.ToLowerInvariant()}|{subscription.TokenStamp}";
        return Base64Url(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar:SigningSecret is not set: links in emails are signed with a random secret kept in {File}")]
    private static partial void LogGenerated(ILogger logger, string file);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal static class TokenPurpose
{
    public const string Confirm = "confirm";
    public const string Unsubscribe = "unsubscribe";
}
