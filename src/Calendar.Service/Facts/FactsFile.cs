namespace Calendar.Service.Facts;

/// <summary>The text of one facts file, and the name errors use for it (relative to where the user pointed us).</summary>
internal sealed record FactsFile(string DisplayPath, string Text)
{
    public bool IsCsv => DisplayPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
}
