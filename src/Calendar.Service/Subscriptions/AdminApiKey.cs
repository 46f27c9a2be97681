using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Subscriptions;

/// <summary>Guards the admin API: <c>X-Api-Key</c> must equal <c>Calendar:AdminApiKey</c>.</summary>
/// <remarks>
/// 401 without a key, 403 with a wrong one. There is no default key: unset, every request is refused.
/// The comparison hashes both sides first, so that it takes the same time whatever the length or content.
/// The handlers read their bodies themselves, after this filter (a bound parameter would be read before it):
/// a stranger's body is never parsed. After <see cref="WrongKeysPerMinute"/> wrong or missing keys in a minute
/// from one client, that client is answered 429 without a look at its key until the minute is over, so guessing
/// is slow; other clients, and so an administrator elsewhere, are not affected.
/// </remarks>
internal sealed class AdminApiKey(IOptions<SubscriptionOptions> options, AdminKeyFailures failures) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public const int WrongKeysPerMinute = 10;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var client = context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.IsLockedOut(client))
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong API keys from this address: try again in a minute.");
        }

        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (given.Length == 0)
        {
            failures.Count(client);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"The admin API needs the {Header} header.");
        }

        var expected = options.Value.AdminApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The admin API is disabled: Calendar:AdminApiKey is not set.");
        }

        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            failures.Count(client);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong API key.");
        }

        return await next(context);
    }
}

/// <summary>Wrong admin keys per client address, in one-minute windows; kept in memory, idle clients forgotten.</summary>
internal sealed class AdminKeyFailures : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = AdminApiKey.WrongKeysPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool IsLockedOut(string client) => _limiter.GetStatistics(client)?.CurrentAvailablePermits == 0;

    public void Count(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
    }

    public void Dispose() => _limiter.Dispose();
}
