using Microsoft.Extensions.Options;

namespace Calendar.Service.Storage;

internal static class StorageServices
{
    /// <summary>The database (<c>Calendar:Database</c>: SQLite or PostgreSQL); features add their schema with <c>AddMigration</c>.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<CalendarDatabase>();
        services.AddHostedService<DatabaseStartup>();
        return services;
    }

    public static IServiceCollection AddMigration(this IServiceCollection services, string id, string sql) =>
        services.AddMigration(new Migration(id, sql));

    public static IServiceCollection AddMigration(this IServiceCollection services, Migration migration) => services.AddSingleton(migration);
}

/// <summary>Creates or migrates the schema before anything else uses the database.</summary>
internal sealed class DatabaseStartup(CalendarDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        database.Migrate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
