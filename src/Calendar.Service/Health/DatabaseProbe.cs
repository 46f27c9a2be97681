using System.Data.Common;
using System.Net.Sockets;
using Calendar.Service.Cluster;
using Calendar.Service.Storage;
using Npgsql;

namespace Calendar.Service.Health;

/// <summary>Whether the database answers a trivial query: the cheapest question that needs a working connection.</summary>
internal sealed class DatabaseProbe(IConfiguration configuration, CalendarDatabase sqlite)
{
    /// <summary>Null when the database answered; otherwise why not, in the driver's words.</summary>
    public async Task<string?> FailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            command.CommandTimeout = (int)Math.Ceiling(NodeHealthCheck.Timeout.TotalSeconds);
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            return e is OperationCanceledException ? $"no answer within {NodeHealthCheck.Timeout.TotalSeconds:0} s" : e.GetBaseException().Message;
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!ClusterServices.IsClustered(configuration))
        {
            return sqlite.Open();
        }

        var connection = new NpgsqlConnection(configuration["Calendar:Database:ConnectionString"]);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
