using NodaTime;

namespace Calendar.Core;

/// <summary>Where a fact comes from: an article cited by outlet, publication date, and its headline or what it is about.</summary>
/// <param name="Title">The article's own headline, word for word; null when it has none (see <see cref="About"/>).</param>
/// <param name="Outlet">Who published it: "Kazinform".</param>
/// <param name="Published">The day it was published.</param>
/// <param name="Url">Where to read it.</param>
public sealed record Source(string? Title, string? Outlet, LocalDate? Published, Uri? Url)
{
    /// <summary>What an article without a headline of its own is about, in the editor's words ("the 30th anniversary of ...").</summary>
    /// <remarks>Kept apart from <see cref="Title"/> so that no reader mistakes the editor's words for the outlet's.</remarks>
    public string? About { get; init; }
}
