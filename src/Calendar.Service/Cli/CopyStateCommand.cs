using System.CommandLine;
using System.Data.Common;
using Calendar.Service.Storage;
using Calendar.Service.Subscriptions;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Cli;

/// <summary><c>copy-state [--to CONNECTION] [--replace]</c>: the SQLite state in the data folder into PostgreSQL, for moving to several replicas.</summary>
internal static class CopyStateCommand
{
    public const string Name = "copy-state";

    public static Command Create(Func<IServiceProvider> services, TextWriter output, TextWriter errorOutput)
    {
        var to = new Option<string>("--to")
        {
            Description = "The PostgreSQL database, in Npgsql's syntax (Host=...;Database=...;Username=...;Password=...). Default: Calendar:Database:ConnectionString.",
            HelpName = "connection-string",
        };
        var replace = new Option<bool>("--replace") { Description = "Deletes the state the target holds before copying; without it, a target holding any is refused." };
        var command = new Command(
            Name,
            "Copies the SQLite state in Calendar:DataPath (subscriptions with their ids, the reminder ledger, feed SEQUENCEs and Last-Modified, " +
            "the form's mail counts, the signing secret) into a PostgreSQL database, in one transaction, so that replicas on it neither " +
            "reset a SEQUENCE nor send a reminder again.")
        {
            to, replace,
        };
        command.SetAction(result => Run(result.GetValue(to), result.GetValue(replace), services(), output, errorOutput));
        return command;
    }

    public static int Run(string? to, bool replace, IServiceProvider services, TextWriter output, TextWriter errorOutput)
    {
        var calendar = services.GetRequiredService<IOptions<CalendarOptions>>();
        var configured = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var target = to ?? (configured.Provider == DatabaseProvider.Postgres ? configured.ConnectionString : null);
        if (string.IsNullOrWhiteSpace(target))
        {
            errorOutput.WriteLine("--to: the PostgreSQL database to copy into is required (or Calendar:Database:Provider=Postgres with its ConnectionString).");
            return CommandLine.UsageError;
        }

        if (DatabaseOptionsValidator.Problem(target) is { } problem)
        {
            errorOutput.WriteLine($"--to: {problem}");
            return CommandLine.UsageError;
        }

        var dataPath = Path.GetFullPath(calendar.Value.DataPath);
        if (!File.Exists(Path.Combine(dataPath, "calendar.db")))
        {
            errorOutput.WriteLine($"There is no SQLite state to copy: {Path.Combine(dataPath, "calendar.db")} does not exist (Calendar:DataPath).");
            return 1;
        }

        var migrations = services.GetServices<Migration>().ToList();
        var logger = services.GetRequiredService<ILogger<CalendarDatabase>>();
        using var source = new CalendarDatabase(Options.Create(new DatabaseOptions()), calendar, migrations, logger);
        using var destination = new CalendarDatabase(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = target }), calendar, migrations, logger);
        var configuredSecret = !string.IsNullOrEmpty(services.GetRequiredService<IOptions<SubscriptionOptions>>().Value.SigningSecret);
        var secretFile = Path.Combine(dataPath, SubscriptionTokens.SecretName);
        var keptSecret = !configuredSecret && File.Exists(secretFile) ? File.ReadAllText(secretFile).Trim() : null;
        IReadOnlyList<(string Table, long Rows)>? copied;
        try
        {
            copied = StateCopy.Copy(source, destination, replace, keptSecret is null ? null : (connection, transaction) => SubscriptionTokens.Keep(connection, transaction, keptSecret));
        }
        catch (Exception e) when (e is DbException or DatabaseTooNewException or TimeoutException)
        {
            errorOutput.WriteLine($"Nothing was copied: {e.Message}");
            return 1;
        }

        if (copied is null)
        {
            errorOutput.WriteLine($"Nothing was copied: the {destination.Description} already holds state. copy-state fills an empty database; --replace deletes what it holds first.");
            return 1;
        }

        output.WriteLine($"Copied the {source.Description} into the {destination.Description}:");
        foreach (var (table, rows) in copied.Where(c => c.Table != "service_secrets"))
        {
            output.WriteLine($"  {table}: {rows} row(s)");
        }

        output.WriteLine(configuredSecret
            ? "  signing secret: Calendar:SigningSecret is configured; give every replica the same one."
            : keptSecret is not null ? $"  signing secret: copied from {secretFile}; links already sent keep working."
            : "  signing secret: none in the data folder; the replicas will create one in the database.");
        return 0;
    }
}
