using Calendar.Core;
using Calendar.Service.Facts;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Timeline;

/// <summary>Brings the <see cref="CalendarState"/> up to date with the facts folder and the calendar's today.</summary>
/// <remarks>
/// Cheap when nothing changed (a directory listing), so the job may call it often. An invalid edit never
/// replaces good facts: it is logged and reported by <c>/health</c> until fixed.
/// </remarks>
internal sealed partial class CalendarRefresher
{
    private readonly CalendarState _state;
    private readonly CalendarClock _clock;
    private readonly FactsFolder _folder;
    private readonly JubileeRule _jubilees;
    private readonly int _horizonYears;
    private readonly ILogger<CalendarRefresher> _logger;
    private readonly Lock _lock = new();
    private string? _fingerprint;

    public CalendarRefresher(CalendarState state, CalendarClock clock, FactsFolder folder, IOptions<CalendarOptions> options, ILogger<CalendarRefresher> logger)
    {
        _state = state;
        _clock = clock;
        _folder = folder;
        _jubilees = new JubileeRule(options.Value.JubileeEvery);
        _horizonYears = options.Value.HorizonYears;
        _logger = logger;
    }

    /// <summary>Reloads changed facts and rolls the day over; true when a new snapshot went into service.</summary>
    /// <exception cref="InvalidFactsException">On the first load only, when the facts are invalid.</exception>
    public bool Refresh()
    {
        lock (_lock)
        {
            var today = _clock.Today;
            var fingerprint = _folder.Fingerprint();
            var current = _state.IsLoaded ? _state.Current : null;
            if (current is not null && fingerprint == _fingerprint && today == current.Today)
            {
                return false;
            }

            var (facts, version) = current is null ? (null, null) : (current.Facts, current.Version);
            if (fingerprint != _fingerprint)
            {
                var load = FactsLoader.Load(_folder);
                _fingerprint = fingerprint;
                if (!load.Succeeded)
                {
                    if (current is null)
                    {
                        throw new InvalidFactsException(load.Errors);
                    }

                    foreach (var error in load.Errors)
                    {
                        LogInvalidEdit(error.ToString(), current.Version.Hash);
                    }

                    _state.ReportFailure(new ReloadFailure(load.Errors, _clock.CurrentInstant));
                }
                else
                {
                    _state.ReportFailure(null);
                    (facts, version) = (load.Facts, load.Version);
                }
            }

            if (current is not null && version!.Hash == current.Version.Hash && today == current.Today)
            {
                return false;
            }

            var snapshot = new CalendarSnapshot(facts!, version!, today, _jubilees, _horizonYears);
            _state.Publish(snapshot);
            LogPublished(snapshot.Facts.Facts.Count, _folder.DisplayPath, snapshot.Version.Hash, snapshot.Today);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Facts edit rejected, still serving version {Version}: {Error}")]
    private partial void LogInvalidEdit(string error, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar ready: {Count} facts from {Folder} (version {Version}), today is {Today:uuuu-MM-dd}")]
    private partial void LogPublished(int count, string folder, string version, NodaTime.LocalDate today);
}
