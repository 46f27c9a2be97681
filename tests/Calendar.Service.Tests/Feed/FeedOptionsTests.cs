namespace Calendar.Service.Tests.Feed;

/// <summary>A wrong <c>Calendar:Feed</c> setting stops the service with a message, as a wrong <c>Calendar</c> one does.</summary>
public class FeedOptionsTests
{
    [Fact]
    public async Task Service_WithBadFeedSettings_RefusesToStartNamingEachOne()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());

        var (exitCode, _, error) = await ServiceProcess.RunAsync(
            facts.Path, "--urls", "http://127.0.0.1:0", $"--Calendar:FactsPath={facts.Path}",
            "--Calendar:Feed:UidDomain=not a domain", "--Calendar:HorizonYears=0", "--Calendar:Feed:HorizonYears=5");

        Assert.Equal(1, exitCode);
        Assert.Contains("Refusing to start: the configuration is invalid.", error, StringComparison.Ordinal);
        Assert.Contains("Calendar:Feed:UidDomain must be a domain name", error, StringComparison.Ordinal);
        Assert.Contains("HorizonYears must be between 1 and 50", error, StringComparison.Ordinal);
        // The feed's own horizon is gone: a setting that would silently do nothing stops the start instead.
        Assert.Contains("Calendar:Feed:HorizonYears is no longer read", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
