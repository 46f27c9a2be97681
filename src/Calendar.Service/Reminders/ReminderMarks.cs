using System.Data.Common;
using NodaTime;

namespace Calendar.Service.Reminders;

/// <summary>A run's marks: one at a time, in the order they were made, on one connection; the run waits for none of them but the last.</summary>
/// <remarks>
/// A digest's mark commits while the next digest is on the wire, and that digest's final dot waits for it
/// (<see cref="Committed"/>, given to <see cref="IMailSession.SendAsync(MimeKit.MimeMessage, Task, CancellationToken)"/>):
/// the server never holds two digests that are not marked, so a node killed at any moment leaves at most one to be
/// sent again. Each kind of mark is a statement prepared once for the run: parsing and planning it took as long as
/// running it.
/// </remarks>
internal sealed class ReminderMarks(ReminderLedger ledger, DbConnection connection, bool statementsHoldTheCaller) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _statements = new(StringComparer.Ordinal);
    private Task _last = Task.CompletedTask;

    /// <summary>Completes when every mark made so far has committed; faults with the first that failed (and so does every later one).</summary>
    public Task Committed => _last;

    public Task SentAsync(ReminderClaim claim, Instant now) =>
        Then(() => ledger.MarkSentAsync(claim, now, CancellationToken.None, this));

    public Task RejectedAsync(ReminderClaim claim, string error, Instant now) =>
        Then(() => ledger.MarkRejectedAsync(claim, error, now, CancellationToken.None, this));

    public Task FailedAsync(ReminderClaim claim, string error, Instant now, Duration firstWait) =>
        Then(() => ledger.MarkFailedAsync(claim, error, now, firstWait, CancellationToken.None, this));

    /// <summary>Runs <paramref name="sql"/> on the run's connection, prepared the first time.</summary>
    internal async Task ExecuteAsync(string sql, IReadOnlyDictionary<string, object> values)
    {
        if (_statements.TryGetValue(sql, out var statement))
        {
            foreach (var (name, value) in values)
            {
                statement.Parameters["@" + name].Value = value;
            }
        }
        else
        {
            statement = connection.CreateCommand();
            statement.CommandText = sql;
            foreach (var (name, value) in values)
            {
                var parameter = statement.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = value;
                statement.Parameters.Add(parameter);
            }

            await statement.PrepareAsync();
            _statements[sql] = statement;
        }

        await statement.ExecuteNonQueryAsync();
    }

    /// <summary>Waits for the mark in flight (a connection cannot close under its command), then closes the connection.</summary>
    /// <remarks>A failure here was already thrown to the run through <see cref="Committed"/>, or the run ended for another reason first.</remarks>
    public async ValueTask DisposeAsync()
    {
        await _last.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var statement in _statements.Values)
        {
            await statement.DisposeAsync();
        }

        await connection.DisposeAsync();
    }

    // A driver whose statements hold the caller (Microsoft.Data.Sqlite) runs them on the thread pool, or it would hold
    // the next digest back for the whole mark instead of only its final dot; Npgsql's return once written, and a hop to
    // the thread pool would only make the mark later.
    private Task Then(Func<Task> mark)
    {
        var previous = _last;
        return _last = statementsHoldTheCaller ? Task.Run(() => After(previous, mark)) : After(previous, mark);
    }

    private static async Task After(Task previous, Func<Task> mark)
    {
        await previous;
        await mark();
    }
}
