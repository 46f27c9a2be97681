using System.Data.Common;
using System.Net.Sockets;
using Calendar.Service.Storage;

namespace Calendar.Service.Health;

/// <summary>Whether the database answers a trivial query: the cheapest question that needs a working connection.</summary>
internal sealed class DatabaseProbe(CalendarDatabase database)
{
    /// <summary>Null when the database answered; otherwise why not, in the driver's words (never the connection string).</summary>
    public async Task<string?> FailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
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
}
