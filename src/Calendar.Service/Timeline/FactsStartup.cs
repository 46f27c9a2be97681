namespace Calendar.Service.Timeline;

/// <summary>Loads the facts before the server takes requests; invalid facts stop the start (see <see cref="InvalidFactsException"/>).</summary>
internal sealed class FactsStartup(CalendarRefresher refresher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => refresher.RefreshAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
