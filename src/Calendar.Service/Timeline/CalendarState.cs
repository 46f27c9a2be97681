using Calendar.Service.Facts;
using NodaTime;

namespace Calendar.Service.Timeline;

/// <summary>The current <see cref="CalendarSnapshot"/>, and what went wrong with the latest facts edit, if anything.</summary>
internal sealed class CalendarState
{
    private volatile CalendarSnapshot? _current;
    private volatile ReloadFailure? _failure;

    /// <summary>The snapshot in service. Only null before the start-up load, which refuses to start without one.</summary>
    public CalendarSnapshot Current => _current ?? throw new InvalidOperationException("The facts have not been loaded yet.");

    public bool IsLoaded => _current is not null;

    /// <summary>The latest failed reload, while its errors stand; the previous facts keep serving meanwhile.</summary>
    public ReloadFailure? Failure => _failure;

    /// <summary>Raised after a new snapshot is in service: new facts, or a new day.</summary>
    public event Action<CalendarSnapshot>? Changed;

    /// <summary>Puts <paramref name="snapshot"/> in service; <see cref="Announce"/> tells the listeners, once the publisher holds no lock.</summary>
    public void Publish(CalendarSnapshot snapshot) => _current = snapshot;

    /// <summary>Raises <see cref="Changed"/>: outside any lock, since a listener may take its own or call back.</summary>
    public void Announce(CalendarSnapshot snapshot) => Changed?.Invoke(snapshot);

    public void ReportFailure(ReloadFailure? failure) => _failure = failure;
}

/// <summary>Facts files that failed to load, and when.</summary>
internal sealed record ReloadFailure(IReadOnlyList<FactError> Errors, Instant At);
