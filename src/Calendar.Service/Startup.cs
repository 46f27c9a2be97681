using Calendar.Service.Timeline;
using Microsoft.Extensions.Options;

namespace Calendar.Service;

internal static class Startup
{
    /// <summary>Runs the service; invalid configuration or facts print their errors and exit 1 instead.</summary>
    /// <remarks>The facts are loaded before the host starts, so a refusal is a clear message, not a hosting stack trace.</remarks>
    public static async Task<int> RunAsync(WebApplication app)
    {
        if (!TryLoad(app.Services))
        {
            return 1;
        }

        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<PublicAddress>().LogChoice());
        await app.RunAsync();
        return 0;
    }

    /// <summary>Validates the options and loads the facts, printing what is wrong to standard error.</summary>
    public static bool TryLoad(IServiceProvider services)
    {
        try
        {
            // Every section registered with ValidateOnStart (Calendar, Calendar:Feed), so that a bad value
            // anywhere is reported here rather than as a hosting stack trace.
            services.GetService<IStartupValidator>()?.Validate();
            services.GetRequiredService<CalendarRefresher>().Refresh();
            // After the facts: configured subscriptions name countries, checked against them.
            services.GetService<Subscriptions.ConfiguredSubscriptions>()?.Apply();
            return true;
        }
        catch (InvalidFactsException e)
        {
            Console.Error.WriteLine($"Refusing to start: the facts in {services.GetRequiredService<Facts.FactsFolder>().DisplayPath} are invalid.");
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine(error);
            }
        }
        catch (Exception e) when (OptionsFailures(e) is { Count: > 0 } failures)
        {
            Console.Error.WriteLine("Refusing to start: the configuration is invalid.");
            foreach (var failure in failures)
            {
                Console.Error.WriteLine(failure);
            }
        }

        return false;
    }

    /// <summary>The validation failures in <paramref name="e"/>: the startup validator aggregates one exception per section.</summary>
    private static List<string> OptionsFailures(Exception e) => e switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException all => [.. all.InnerExceptions.SelectMany(OptionsFailures)],
        _ => [],
    };
}
