using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Subscriptions;

/// <summary>Guards the admin API: <c>X-Api-Key</c> must equal <c>Calendar:AdminApiKey</c>.</summary>
/// <remarks>
/// 401 without a key, 403 with a wrong one. There is no default key: unset, every request is refused.
/// The comparison hashes both sides first, so that it takes the same time whatever the length or content.
/// </remarks>
internal sealed class AdminApiKey(IOptions<SubscriptionOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (given.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"The admin API needs the {Header} header.");
        }

        var expected = options.Value.AdminApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The admin API is disabled: Calendar:AdminApiKey is not set.");
        }

        var match = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
        return match ? await next(context) : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong API key.");
    }
}
