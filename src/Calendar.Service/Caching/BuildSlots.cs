using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Caching;

/// <summary>
/// How many answers are built at once, whoever asks: a page rendered, a feed or a JSON answer not kept yet. Answers
/// already kept are handed out without a slot.
/// </summary>
/// <remarks>
/// A build holds what it builds and more until it is done: on a world of relations, a year of upcoming events is
/// 15 MB of JSON. Eight connections asking for eight such years at once took the service to 900 MB resident. With
/// slots, what builds cost at once is bounded by the slots, not by how many connections a stranger opens: the rest
/// wait their turn (no thread held), and beyond <see cref="BuildOptions.Waiting"/> they are told to come back (503,
/// <c>Retry-After</c>). The framework's <see cref="ConcurrencyLimiter"/> keeps the count and the queue.
/// </remarks>
internal sealed class BuildSlots(IOptions<BuildOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.AtOnce ?? Environment.ProcessorCount,
        QueueLimit = options.Value.Waiting,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A slot for this request, held until <paramref name="http"/>'s response is done; false (answer <see cref="Busy"/>) when none came.</summary>
    public async Task<bool> TakeForAsync(HttpContext http)
    {
        var lease = await TakeAsync(http.RequestAborted);
        // Released when the response has been sent: a page renders after its endpoint returns.
        http.Response.RegisterForDispose(lease);
        return lease.IsAcquired;
    }

    /// <summary>A slot, once one is free; not acquired when the queue is full. Disposing the lease gives the slot back.</summary>
    public ValueTask<RateLimitLease> TakeAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    /// <summary>The answer when every slot is taken and the queue is full: come back in a second.</summary>
    public static ProblemHttpResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy building other answers: try again in a moment.");
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>The <c>Calendar:Builds</c> section: how many answers are built at once, and how many requests wait for a slot.</summary>
internal sealed class BuildOptions
{
    public const string Section = "Calendar:Builds";

    /// <summary>Builds at once; default: one per processor (they are CPU work).</summary>
    [Range(1, 1024)]
    public int? AtOnce { get; set; }

    /// <summary>Requests that wait for a slot, oldest first; more are answered 503. Default 64.</summary>
    [Range(0, 100_000)]
    public int Waiting { get; set; } = 64;
}

internal static class BuildSlotsServices
{
    public static IServiceCollection AddBuildSlots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BuildOptions>().Bind(configuration.GetSection(BuildOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BuildSlots>();
        return services;
    }
}
