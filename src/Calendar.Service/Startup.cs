using System.Text.RegularExpressions;
using Calendar.Service.Timeline;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Calendar.Service;

internal static partial class Startup
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>Runs the service; invalid configuration or facts print their errors and exit 1 instead.</summary>
    /// <remarks>The facts are loaded before the host starts, so a refusal is a clear message, not a hosting stack trace.</remarks>
    public static async Task<int> RunAsync(WebApplication app)
    {
        if (!TryLoad(app.Services))
        {
            return 1;
        }

        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<PublicAddress>().LogChoice());
        var start = app.Services.GetService<HostStart>();
        try
        {
            await app.StartAsync();
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            Console.Error.WriteLine($"Cannot listen on {AddressIn(e, app)}: the address is already in use.");
            // Disposed, not stopped: stopping a host that failed to start waited the whole shutdown timeout (30 s)
            // here; left undisposed, its console lifetime holds the exiting process as long.
            await app.DisposeAsync();
            return 1;
        }
        finally
        {
            start?.Finished = true;
        }

        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>Leaves a failed start to <see cref="RunAsync"/>, which says what went wrong in one line.</summary>
    /// <remarks>
    /// The host logs a failed start as an error with the whole stack trace (58 lines for a port in use) before
    /// it rethrows. Its errors are held back until the start is over; an unexpected failure still ends the
    /// process with the exception.
    /// </remarks>
    public static void ReportFailedStartInOneLine(WebApplicationBuilder builder)
    {
        var start = new HostStart();
        builder.Services.AddSingleton(start);
        builder.Logging.AddFilter((category, level) => start.Finished || level < LogLevel.Error || category != HostCategory);
    }

    /// <summary>The address Kestrel names ("Failed to bind to address http://127.0.0.1:5000: ..."), or the configured ones.</summary>
    private static string AddressIn(IOException e, WebApplication app) =>
        BindFailure().Match(e.Message) is { Success: true } match ? match.Groups["address"].Value
        : app.Urls.Count > 0 ? string.Join(", ", app.Urls)
        : e.Message;

    [GeneratedRegex(@"address (?<address>\S+): address already in use", RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();

    /// <summary>Validates the options and loads the facts, printing what is wrong to standard error.</summary>
    public static bool TryLoad(IServiceProvider services)
    {
        try
        {
            // Every section registered with ValidateOnStart (Calendar, Calendar:Feed), so that a bad value
            // anywhere is reported here rather than as a hosting stack trace.
            services.GetService<IStartupValidator>()?.Validate();
            // The schema before anything reads it; a database migrated by a newer build is refused here.
            services.GetService<Storage.CalendarDatabase>()?.Migrate();
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
        catch (Storage.DatabaseTooNewException e)
        {
            Console.Error.WriteLine($"Refusing to start: {e.Message}");
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

/// <summary>Whether the host has finished starting, successfully or not.</summary>
internal sealed class HostStart
{
    private volatile bool _finished;

    public bool Finished
    {
        get => _finished;
        set => _finished = value;
    }
}
