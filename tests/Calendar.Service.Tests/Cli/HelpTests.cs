namespace Calendar.Service.Tests.Cli;

/// <summary>What <c>--help</c>, <c>-h</c> and <c>help</c> print: the commands, their options, and nothing is started.</summary>
public class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_ListsTheCommandsAndTheServersOptions(string argument)
    {
        var (exitCode, output, error) = await ServiceProcess.RunAsync(Path.GetTempPath(), argument);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  upcoming\s+Prints what is coming up", output);
        Assert.Matches(@"\n  validate <folder>\s+Checks a folder of facts files", output);
        Assert.Matches(@"\n  --urls <addresses>\s+Where the web server listens", output);
        Assert.Contains("--Section:Key=value", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 done, 1 invalid facts or configuration (or the address is in use), 2 a usage error.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help", "upcoming")]
    [InlineData("upcoming", "--help")]
    public async Task HelpForUpcoming_ListsItsOptions(string first, string second)
    {
        var (exitCode, output, error) = await ServiceProcess.RunAsync(Path.GetTempPath(), first, second);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Calendar.Service upcoming [options]", output, StringComparison.Ordinal);
        foreach (var option in new[] { "--from <YYYY-MM-DD>", "--days <N>", "--to <YYYY-MM-DD>", "--country <CODE>", "--kind <KIND>", "--jubilee <true|false>" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_PrintsTheAssemblysVersion()
    {
        var (exitCode, output, _) = await ServiceProcess.RunAsync(Path.GetTempPath(), "--version");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }

    [Fact]
    public async Task AMisspeltCommand_IsAUsageError_NotAStartOfTheServer()
    {
        var (exitCode, _, error) = await ServiceProcess.RunAsync(Path.GetTempPath(), "upcomng", "--days", "30");

        Assert.Equal(2, exitCode);
        Assert.Contains("'upcomng' is not a command; expected upcoming, validate, copy-state, extract or help.", error, StringComparison.Ordinal);
    }
}
