using System.Threading.RateLimiting;
using Calendar.Service.Reminders;
using Calendar.Service.Storage;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace Calendar.Service.Subscriptions;

internal static class SubscriptionServices
{
    /// <summary>The store, signed links, configured subscriptions, and the rate limit on the self-service form.</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SubscriptionOptions>().Bind(configuration.GetSection(CalendarOptions.Section));
        foreach (var migration in SubscriptionSchema.All)
        {
            services.AddMigration(migration);
        }

        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<SelfServiceMailCap>();
        services.AddSingleton<AdminKeyFailures>();
        services.AddSingleton<SubscriptionTokens>();
        services.AddSingleton<ConfiguredSubscriptions>();
        services.AddSingleton(provider =>
        {
            var reminders = provider.GetRequiredService<IOptions<RemindersOptions>>().Value;
            return new ReminderDefaults(
                reminders.LeadDaysOrDefault,
                reminders.JubileeLeadDaysOrDefault,
                provider.GetRequiredService<IOptions<CalendarOptions>>().Value.TimeZone,
                LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(reminders.SendAt).GetValueOrThrow());
        });

        // Client addresses from X-Forwarded-For, believed only from Calendar:ForwardedHeaders' proxies.
        services.AddOptions<TrustedProxyOptions>().Bind(configuration.GetSection(TrustedProxyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>, TrustedProxies>();

        // The form sends email: a few requests per client per minute (and SelfServiceMailCap a few a day per address).
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SelfServiceApi.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
