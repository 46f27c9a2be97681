using Npgsql;

namespace Calendar.Benchmarks;

/// <summary>A database of its own on the PostgreSQL server in <c>CALENDAR_BENCH_POSTGRES</c> (bench/run.sh starts one).</summary>
internal static class BenchPostgres
{
    public const string Variable = "CALENDAR_BENCH_POSTGRES";

    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var name = "calendar_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return (name, new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString);
    }

    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{Variable} is not set: run bench/run.sh, which starts a PostgreSQL server, or set it to one where the user may create databases.");
}
