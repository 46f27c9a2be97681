namespace Calendar.Core;

/// <summary>Whether a fact has happened, is firmly scheduled, or is only intended.</summary>
public enum FactStatus
{
    /// <summary>It happened.</summary>
    Occurred,

    /// <summary>Announced with a date; expected to happen.</summary>
    Scheduled,

    /// <summary>Intended but not confirmed: calendars show it as tentative.</summary>
    Planned,
}
