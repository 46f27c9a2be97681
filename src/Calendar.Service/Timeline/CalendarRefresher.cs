using Calendar.Core;
using Calendar.Service.Facts;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Timeline;

/// <summary>Brings the <see cref="CalendarState"/> up to date with the facts folder and the calendar's today.</summary>
/// <remarks>
/// Cheap when nothing changed (a directory listing), so the job may call it often. A facts edit that fails to
/// load, for whatever reason (invalid, too slow, a bug), never replaces good facts: it is logged once and
/// reported by <c>/health</c> until the folder changes again, and the next edit is loaded as usual.
/// </remarks>
internal sealed partial class CalendarRefresher : IDisposable
{
    /// <summary>Errors written to the log for one failed load; <c>validate</c> and <c>/health</c> have them all.</summary>
    private const int LoggedErrors = 20;

    private readonly CalendarState _state;
    private readonly CalendarClock _clock;
    private readonly FactsFolder _folder;
    private readonly LoadFacts _load;
    private readonly JubileeRule _jubilees;
    private readonly int _horizonYears;
    private readonly TimeSpan _timeout;
    private readonly ILogger<CalendarRefresher> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _fingerprint;
    private Task? _abandoned;

    public CalendarRefresher(
        CalendarState state, CalendarClock clock, FactsFolder folder, LoadFacts load, IOptions<CalendarOptions> options, ILogger<CalendarRefresher> logger)
    {
        _state = state;
        _clock = clock;
        _folder = folder;
        _load = load;
        _jubilees = new JubileeRule(options.Value.JubileeEvery);
        _horizonYears = options.Value.HorizonYears;
        _timeout = options.Value.FactsLoadTimeout;
        _logger = logger;
    }

    /// <summary>Reloads changed facts and rolls the day over; true when a new snapshot went into service.</summary>
    /// <remarks>For start-up and tests, which have no context to return to (every await below leaves it).</remarks>
    /// <exception cref="InvalidFactsException">On the first load only, when the facts cannot be loaded.</exception>
    public bool Refresh() => RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Refresh"/>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        CalendarSnapshot? published;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            published = await UpdateAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        if (published is null)
        {
            return false;
        }

        LogPublished(published.Facts.Facts.Count, _folder.DisplayPath, published.Version.Hash, published.Today);
        try
        {
            _state.Announce(published);
        }
        catch (Exception e)
        {
            // The snapshot is in service whatever a listener does; its failure is its own to report.
            LogListenerFailed(e);
        }

        return true;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The new snapshot, in service when this returns; null when nothing changed.</summary>
    private async Task<CalendarSnapshot?> UpdateAsync(CancellationToken cancellationToken)
    {
        var today = _clock.Today;
        var current = _state.IsLoaded ? _state.Current : null;
        var (facts, version) = (current?.Facts, current?.Version);
        if (await LoadIfChangedAsync(cancellationToken).ConfigureAwait(false) is { } load)
        {
            if (load.Succeeded)
            {
                _state.ReportFailure(null);
                (facts, version) = (load.Facts, load.Version);
            }
            else
            {
                Fail(load.Errors, load.Exception, current);
            }
        }

        if (current is not null && version!.Hash == current.Version.Hash && today == current.Today)
        {
            return null;
        }

        CalendarSnapshot snapshot;
        try
        {
            snapshot = new CalendarSnapshot(facts!, version!, today, _jubilees, _horizonYears, current);
        }
        catch (Exception e)
        {
            // Tried again at every poll (the day is still to roll over), but reported and logged once.
            var error = new FactError(_folder.DisplayPath, 0, "load", $"the occurrences for {today:uuuu-MM-dd} could not be computed: {e.GetType().Name}: {e.Message}");
            if (_state.Failure?.Errors is not [var standing] || standing != error)
            {
                Fail([error], e, current);
            }

            return null;
        }

        _state.Publish(snapshot);
        return snapshot;
    }

    /// <summary>The load of a changed folder; null when the folder has not changed since the last attempt.</summary>
    private async Task<FactsLoad?> LoadIfChangedAsync(CancellationToken cancellationToken)
    {
        // A load that ignored its cancellation is still running: the failure it was reported with stands until it stops.
        if (_abandoned is { IsCompleted: false })
        {
            return null;
        }

        var fingerprint = _folder.Fingerprint();
        if (fingerprint == _fingerprint)
        {
            return null;
        }

        // Whatever comes of it, this version of the folder is not loaded again (nor its errors logged again).
        _fingerprint = fingerprint;
        var bounded = await FactsLoader.RunAsync(_load, _folder, _timeout, cancellationToken).ConfigureAwait(false);
        _abandoned = bounded.StillRunning;
        return bounded.Load;
    }

    /// <summary>At start-up, refuses to start; later, reports and logs the failure once and keeps serving <paramref name="current"/>.</summary>
    private void Fail(IReadOnlyList<FactError> errors, Exception? exception, CalendarSnapshot? current)
    {
        if (current is null)
        {
            throw new InvalidFactsException(errors);
        }

        var lines = errors.Select(error => error.ToString()).ToList();
        _state.ReportFailure(new ReloadFailure(errors, _clock.CurrentInstant));
        if (exception is not null)
        {
            LogLoadFailed(exception, current.Version.Hash);
        }

        foreach (var line in lines.Take(LoggedErrors))
        {
            LogInvalidEdit(line, current.Version.Hash);
        }

        if (lines.Count > LoggedErrors)
        {
            LogMoreErrors(lines.Count - LoggedErrors);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Facts edit rejected, still serving version {Version}: {Error}")]
    private partial void LogInvalidEdit(string error, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "... and {Count} more error(s): run 'validate' to see them all")]
    private partial void LogMoreErrors(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the facts failed unexpectedly, still serving version {Version}")]
    private partial void LogLoadFailed(Exception exception, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "A listener to the calendar's changes failed")]
    private partial void LogListenerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar ready: {Count} facts from {Folder} (version {Version}), today is {Today:uuuu-MM-dd}")]
    private partial void LogPublished(int count, string folder, string version, NodaTime.LocalDate today);
}
