namespace Calendar.Service.Tests.Reminders;

/// <summary><c>Calendar:Reminders:Connections</c>: how many SMTP connections a run sends over.</summary>
public class ConnectionsOptionTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    public async Task Service_WithConnectionsOutOfRange_RefusesToStartNamingTheSetting(string connections)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());

        var (exitCode, _, error) = await ServiceProcess.RunAsync(
            facts.Path, "--urls", "http://127.0.0.1:0", $"--Calendar:FactsPath={facts.Path}", $"--Calendar:Reminders:Connections={connections}");

        Assert.Equal(1, exitCode);
        Assert.Contains("Calendar:Reminders:Connections must be between 1 and 8", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
