using System.Data.Common;
using NodaTime;

namespace Calendar.Service.Reminders;

/// <summary>A run's marks: one at a time, in the order they were made, on one database connection.</summary>
/// <remarks>
/// A digest's mark commits while the next digest is on the wire, and that digest's final dot waits for it (see
/// <see cref="ReminderDispatcher"/>): the server never holds two digests that are not marked, so a node killed at any
/// moment leaves at most one to be sent again. Each kind of mark is a statement prepared once for the run: parsing and
/// planning it took as long as running it.
/// </remarks>
internal sealed class ReminderMarks(ReminderLedger ledger, DbConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _statements = new(StringComparer.Ordinal);
    private readonly Lock _order = new();
    private Task _last = Task.CompletedTask;

    /// <summary>Completes when every mark made so far has committed; faults with the first that failed (and so does every later one).</summary>
    public Task Committed
    {
        get
        {
            lock (_order)
            {
                return _last;
            }
        }
    }

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
        await Committed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var statement in _statements.Values)
        {
            await statement.DisposeAsync();
        }

        await connection.DisposeAsync();
    }

    // Marks are made by the run's connections at once, and run one after the other, in the order they were made.
    // Each starts on the thread that made it, or that finished the one before: the connection that made it has
    // nothing else to do until it commits (Microsoft.Data.Sqlite runs its statements synchronously), and a hop to the
    // thread pool would only make it, and the next digest's final dot, later.
    private Task Then(Func<Task> mark)
    {
        Task previous;
        var done = new TaskCompletionSource();
        lock (_order)
        {
            previous = _last;
            _last = done.Task;
        }

        _ = RunAsync(previous, mark, done);
        return done.Task;
    }

    private static async Task RunAsync(Task previous, Func<Task> mark, TaskCompletionSource done)
    {
        try
        {
            await previous;
            await mark();
            done.SetResult();
        }
        catch (Exception e)
        {
            done.SetException(e);
        }
    }
}
