using System.Diagnostics;

namespace Calendar.Service.Tests.Cli;

/// <summary>A relative <c>validate</c> path means the directory the user ran the command from, however it was run.</summary>
public sealed class ValidatePathTests : IDisposable
{
    private readonly TempFolder _user = new();

    public ValidatePathTests()
    {
        _user.Write("mine/facts.yaml", FactsFiles.Relations());
        _user.Write("broken/facts.yaml", FactsFiles.Relations(date: "1992-02-30"));
    }

    public void Dispose() => _user.Dispose();

    [Theory]
    [InlineData("mine")]
    [InlineData("./mine")]
    public async Task ARelativePath_IsTheUsersDirectory_WhenRunDirectly(string path)
    {
        var (exitCode, output, error) = await ServiceProcess.RunAsync(_user.Path, "validate", path);

        Assert.True(exitCode == 0, error);
        Assert.Equal("mine: 1 facts, no errors", output.Split(" (version")[0]);
    }

    [Fact]
    public async Task ARelativePath_IsTheUsersDirectory_UnderDotnetRun()
    {
        // `dotnet run --project` from the user's own folder, as the README shows it; the build the tests use.
        var (exitCode, output, error) = await DotnetRun(_user.Path, "validate", "broken");

        Assert.True(exitCode == 1, error);
        Assert.Contains("broken/facts.yaml:8: facts[0].date: '1992-02-30' is not a date", error, StringComparison.Ordinal);
        Assert.Contains("broken: 1 error(s).", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> DotnetRun(string workingDirectory, params string[] arguments)
    {
        // bin/{Configuration}/net10.0/: run the service as built with the tests, without building it again.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["run", "--no-build", "--configuration", configuration, "--project", Path.Combine(Repository.Root, "src", "Calendar.Service"), "--", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
