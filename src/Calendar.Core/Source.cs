using NodaTime;

namespace Calendar.Core;

/// <summary>Where a fact comes from: an article cited by outlet, publication date and title.</summary>
public sealed record Source(string Title, string? Outlet, LocalDate? Published, Uri? Url)
{
    /// <summary>"Kazinform, 2023-06-24: [title]".</summary>
    public string Citation => string.Join(", ", new[] { Outlet, Published?.ToString("yyyy-MM-dd", null) }
        .Where(part => !string.IsNullOrEmpty(part))) is { Length: > 0 } by
        ? $"{by}: {Title}"
        : Title;
}
