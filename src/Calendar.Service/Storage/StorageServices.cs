namespace Calendar.Service.Storage;

internal static class StorageServices
{
    /// <summary>The SQLite database; features add their schema with <see cref="AddMigration"/>.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton<CalendarDatabase>();
        services.AddHostedService<DatabaseStartup>();
        return services;
    }

    public static IServiceCollection AddMigration(this IServiceCollection services, string id, string sql) =>
        services.AddSingleton(new Migration(id, sql));
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
