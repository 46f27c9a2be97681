using Npgsql;

namespace Calendar.Service.Tests.Storage;

/// <summary>The PostgreSQL the storage tests run against: real, and a database of its own for each test.</summary>
public class PostgresServerTests
{
    [Fact]
    public async Task EachTest_GetsAFreshEmptyDatabase_OnARealServer()
    {
        var first = await PostgresServer.CreateDatabaseAsync();
        var second = await PostgresServer.CreateDatabaseAsync();

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand("CREATE TABLE marker (id int); SELECT version()", connection);
            Assert.StartsWith("PostgreSQL ", (string)(await create.ExecuteScalarAsync(TestContext.Current.CancellationToken))!, StringComparison.Ordinal);
        }

        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            Assert.Equal(0L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);
    }
}
