namespace Calendar.Core;

/// <summary>Which anniversaries are jubilees: every <see cref="Every"/>th year (5th, 10th, 15th ... by default).</summary>
public sealed record JubileeRule
{
    public JubileeRule(int every = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        Every = every;
    }

    public static JubileeRule Default { get; } = new();

    public int Every { get; }

    public bool IsJubilee(int ordinal) => ordinal > 0 && ordinal % Every == 0;
}
