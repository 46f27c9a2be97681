namespace Calendar.Service.Tests.Cli;

/// <summary>The executable as a user runs it: the web server refusing bad input, and the two console commands.</summary>
public class CommandLineTests
{
    [Fact]
    public async Task Service_WithInvalidFacts_RefusesToStartAndNamesFileLineAndField()
    {
        using var facts = new TempFolder();
        facts.Write("italy.yaml", FactsFiles.Relations(date: "1992-02-30"));

        var (exitCode, _, error) = await ServiceProcess.RunAsync(facts.Path, "--urls", "http://127.0.0.1:0", $"--Calendar:FactsPath={facts.Path}");

        Assert.Equal(1, exitCode);
        Assert.Contains("Refusing to start", error, StringComparison.Ordinal);
        Assert.Contains("italy.yaml:8: facts[0].date: '1992-02-30' is not a date", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_WithAnUnknownTimeZone_RefusesToStartNamingTheSetting()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());

        var (exitCode, _, error) = await ServiceProcess.RunAsync(facts.Path, "--urls", "http://127.0.0.1:0", $"--Calendar:FactsPath={facts.Path}", "--Calendar:TimeZone=Asia/Atlantis");

        Assert.Equal(1, exitCode);
        Assert.Contains("Calendar:TimeZone: 'Asia/Atlantis' is not an IANA time zone id", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9995-01-01")]
    [InlineData("0001-06-01")]
    public async Task Upcoming_WithAPinnedTodayWhoseHorizonLeavesTheCalendar_RefusesNamingTheSetting(string today)
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());

        var (exitCode, _, error) = await ServiceProcess.RunAsync(facts.Path, "upcoming", $"--Calendar:FactsPath={facts.Path}", $"--Calendar:Today={today}");

        Assert.Equal(1, exitCode);
        Assert.Contains($"Calendar:Today: '{today}' must be from 0002-01-01 to 9898-12-31", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ReportsEveryErrorWithFileAndLine_AndExitsOne()
    {
        using var facts = new TempFolder();
        facts.Write("a.yaml", FactsFiles.Relations(date: "1992-02-30"));
        facts.Write("b.csv", "country_a,country_b,established,source_title,source_url\nKZ,QQ,1992,Protocol,\n");

        var (exitCode, _, error) = await ServiceProcess.RunAsync(facts.Path, "validate", facts.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("a.yaml:8: facts[0].date:", error, StringComparison.Ordinal);
        Assert.Contains("b.csv:2: country_b: unknown country code 'QQ'", error, StringComparison.Ordinal);
        Assert.Contains("2 error(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_TheSeeds_FindsNoError()
    {
        var (exitCode, output, error) = await ServiceProcess.RunAsync(Repository.Root, "validate", "seeds");

        Assert.True(exitCode == 0, error);
        Assert.Contains("seeds: ", output, StringComparison.Ordinal);
        Assert.Contains("no errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upcoming_PrintsTheSameEventsAsTheEndpointAsATable()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());

        var (exitCode, output, error) = await ServiceProcess.RunAsync(
            facts.Path, "upcoming", "--from", "2023-06-01", "--days", "100", "--country", "XB", $"--Calendar:FactsPath={facts.Path}", "--Calendar:Today=2023-06-01");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("1 event(s) from 2023-06-01 to 2023-09-08 (today is 2023-06-01 in Asia/Almaty)", lines[0]);
        Assert.StartsWith("Date", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^23 June 2023\s+22\s+jubilee\s+30th anniversary of diplomatic relations between Xanadu and Brobdingnag\s+XA, XB$", lines[3]);
    }

    [Fact]
    public async Task Configuration_ComesFromConfigFolderThenEnvironmentThenCommandLine()
    {
        using var root = new TempFolder();
        root.Write("config/appsettings.json", """{ "Calendar": { "FactsPath": "from-config", "Today": "2023-06-01" } }""");
        root.Write("from-config/facts.yaml", FactsFiles.Relations(title: "From config"));
        root.Write("from-environment/facts.yaml", FactsFiles.Relations(date: "1993-07-01"));

        var fromConfig = await ServiceProcess.RunAsync(root.Path, "upcoming", "--days", "100");
        var fromEnvironment = await ServiceProcess.RunAsync(root.Path, new Dictionary<string, string> { ["Calendar__FactsPath"] = "from-environment" }, "upcoming", "--days", "100");
        var fromCommandLine = await ServiceProcess.RunAsync(
            root.Path, new Dictionary<string, string> { ["Calendar__FactsPath"] = "from-environment" }, "upcoming", "--days", "100", "--Calendar:FactsPath=from-config");

        Assert.Contains("23 June 2023", fromConfig.Output, StringComparison.Ordinal);
        Assert.Contains("1 July 2023", fromEnvironment.Output, StringComparison.Ordinal);
        Assert.Contains("23 June 2023", fromCommandLine.Output, StringComparison.Ordinal);
    }
}
