namespace Calendar.Service.Facts;

/// <summary>A problem in a facts file, located so that an editor can go straight to it.</summary>
internal sealed record FactError(string File, int Line, string Field, string Message)
{
    /// <summary><c>seeds/italy.yaml:12: date: '1992-02-30' is not a date ...</c>, the shape compilers use.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}
