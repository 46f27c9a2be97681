using Calendar.Service.Facts;
using Quartz;

namespace Calendar.Service.Timeline;

/// <summary>Runs the refresh job as soon as a facts file changes, rather than at the next poll.</summary>
/// <remarks>
/// Editors save in bursts (temporary file, rename, touch): changes are gathered for a quarter of a second.
/// The poll stays as the safety net: file-system notifications are not delivered on every mount, and are
/// lost when too many come at once.
/// </remarks>
internal sealed partial class FactsWatcher(FactsFolder folder, ISchedulerFactory schedulers, ILogger<FactsWatcher> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The task's failure is caught and logged inside it: nothing is left for anyone to observe.
        _debounce = new Timer(_ => _ = TriggerRefreshAsync());
        _watcher = new FileSystemWatcher(folder.FullPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.Error += (_, e) => LogWatcherError(e.GetException());
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.EnableRaisingEvents = false;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e) => _debounce?.Change(Quiet, Timeout.InfiniteTimeSpan);

    private async Task TriggerRefreshAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            if (scheduler.Status == SchedulerStatus.Running)
            {
                await scheduler.TriggerJob(RefreshCalendarJob.Key);
            }
        }
        catch (Exception e)
        {
            // The poll picks the change up anyway; say why it was not picked up at once.
            LogTriggerFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start a facts refresh after a file change; the next poll will")]
    private partial void LogTriggerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The facts folder watcher lost track of changes; the next poll will pick them up")]
    private partial void LogWatcherError(Exception exception);
}
