namespace Calendar.Service.Cluster;

/// <summary>This replica's name (<c>Calendar:NodeName</c>, or the host name and process id): one per running process.</summary>
internal sealed record NodeName(string Value)
{
    public override string ToString() => Value;
}
