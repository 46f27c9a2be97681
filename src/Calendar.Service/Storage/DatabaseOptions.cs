using Microsoft.Extensions.Options;
using Npgsql;

namespace Calendar.Service.Storage;

/// <summary><c>Calendar:Database</c>: where the service keeps its state.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Calendar:Database";

    /// <summary>
    /// <c>Sqlite</c> (default): <c>calendar.db</c> in <c>Calendar:DataPath</c>, for one machine. <c>Postgres</c>: the
    /// database at <see cref="ConnectionString"/>, shared by every replica.
    /// </summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The PostgreSQL database, in Npgsql's syntax (<c>Host=db;Database=calendar;Username=calendar;Password=...</c>);
    /// required with <c>Postgres</c>. Give it from the environment (<c>Calendar__Database__ConnectionString</c>), never in <c>config/</c>.
    /// </summary>
    public string? ConnectionString { get; set; }
}

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>A connection string only with <c>Postgres</c>, and one that Npgsql can read; never echoes it (it holds a password).</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var connectionString = options.ConnectionString;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Set but ignored, each replica would keep a private SQLite file again: the very thing Postgres is for.
            return string.IsNullOrWhiteSpace(connectionString) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(
                "Calendar:Database:ConnectionString is set but Calendar:Database:Provider is Sqlite: set Provider to Postgres to use it, or remove it");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail(
                "Calendar:Database:ConnectionString is required with Calendar:Database:Provider=Postgres, e.g. Host=db;Database=calendar;Username=calendar (the password from the environment)");
        }

        return Problem(connectionString) is { } problem
            ? ValidateOptionsResult.Fail($"Calendar:Database:ConnectionString: {problem}")
            : ValidateOptionsResult.Success;
    }

    /// <summary>What is wrong with a PostgreSQL connection string, without repeating it.</summary>
    public static string? Problem(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? "names no Host" : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // Npgsql's message names the keyword it does not know, never the password.
            return $"is not an Npgsql connection string: {e.Message}";
        }
    }
}
