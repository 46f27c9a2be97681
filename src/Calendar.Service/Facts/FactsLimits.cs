namespace Calendar.Service.Facts;

/// <summary>How much a facts folder may hold: far above what a ministry's facts need, far below what would hurt the service.</summary>
/// <remarks>
/// Facts files are edited by people, often in a repository that others contribute to: a file that is too big,
/// too deep or not a file at all is refused with its name, never read until memory or time runs out.
/// </remarks>
internal static class FactsLimits
{
    /// <summary>One file: the seeds are a few kilobytes; ten thousand facts fit in about 5 MB.</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>All files together.</summary>
    public const long MaxTotalBytes = 20 * 1024 * 1024;

    /// <summary>Facts files (<c>.yaml</c>, <c>.yml</c>, <c>.csv</c>) in the folder and its subfolders.</summary>
    public const int MaxFiles = 1_000;

    /// <summary>Entries of any kind looked at while listing the folder, so that listing it stays cheap.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Mappings and lists inside one another; a fact needs four (file, list, fact, source).</summary>
    public const int MaxNesting = 64;
}
