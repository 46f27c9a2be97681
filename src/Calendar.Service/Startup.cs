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
        // After the configuration's rules, so that the ones added here are built from them and come last.
        builder.Services.PostConfigure<LoggerFilterOptions>(options => HoldBackErrors(options, HostCategory, () => start.Finished));
    }

    /// <summary>
    /// Holds back <paramref name="category"/>'s errors until <paramref name="released"/>, at the levels the
    /// configuration gives that category, for every provider.
    /// </summary>
    /// <remarks>
    /// A filter rule has no level of its own, and the most specific rule is the only one that counts: a filter for
    /// every category (what <c>AddFilter</c> makes) let everything through at Trace that no category rule covered,
    /// whatever <c>Logging:LogLevel:Default</c> said. So one rule for <paramref name="category"/> alone per provider
    /// the rules name (and one for all), each with the level and filter of the rule that would otherwise decide there:
    /// provider-specific before general, then the longest matching category, then the last (as the framework picks).
    /// </remarks>
    internal static void HoldBackErrors(LoggerFilterOptions options, string category, Func<bool> released)
    {
        var rules = options.Rules.ToList();
        foreach (var provider in rules.Select(rule => rule.ProviderName).Append(null).Distinct())
        {
            var deciding = rules
                .Select((rule, order) => (Rule: rule, Order: order))
                .Where(candidate => (candidate.Rule.ProviderName is null || candidate.Rule.ProviderName == provider) && Covers(candidate.Rule.CategoryName, category))
                .OrderBy(candidate => candidate.Rule.ProviderName is null ? 0 : 1)
                .ThenBy(candidate => candidate.Rule.CategoryName?.Length ?? -1)
                .ThenBy(candidate => candidate.Order)
                .Select(candidate => candidate.Rule)
                .LastOrDefault();
            var level = deciding is null ? options.MinLevel : deciding.LogLevel;
            var filter = deciding?.Filter;
            options.Rules.Add(new LoggerFilterRule(provider, category, level, (type, name, logLevel) =>
                (released() || logLevel < LogLevel.Error) && (filter is null || filter(type, name, logLevel))));
        }
    }

    /// <summary>Whether a rule for <paramref name="ruleCategory"/> (null: all; one <c>*</c> at most) covers <paramref name="category"/>.</summary>
    private static bool Covers(string? ruleCategory, string category)
    {
        if (ruleCategory is null)
        {
            return true;
        }

        var wildcard = ruleCategory.IndexOf('*', StringComparison.Ordinal);
        var (prefix, suffix) = wildcard < 0 ? (ruleCategory, "") : (ruleCategory[..wildcard], ruleCategory[(wildcard + 1)..]);
        return category.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && category.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
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
