namespace Calendar.Service.Tests.Facts;

/// <summary><c>validate</c>, run as a user runs it, on files written to take it down: each one a line naming it, exit 1.</summary>
public class ValidateHostileFactsTests
{
    [Theory]
    [InlineData("nested", "x.yaml:1: yaml: lists and mappings are nested more than 64 deep")]
    [InlineData("alias-bomb", "x.yaml:1: yaml: an anchor (&a0) is not allowed in a facts file: write the value out where it is used")]
    [InlineData("fifo", "x.yaml: file: is not a regular file but a named pipe (FIFO): skipped")]
    [InlineData("year-zero", "x.yaml:8: facts[0].date: '0000-06' is not a date: years start at 0001|r.csv:2: established: '0000-01-01' is not a date: years start at 0001")]
    [InlineData("latin-1", "x.yaml:9: encoding: not valid UTF-8: byte 0xE9 at offset 152; save the file as UTF-8")]
    [InlineData("forged-line", @"x.yaml:7: facts[0].ok\nx.yaml:1: id: all good: unknown field (expected one of: id, kind, countries, date, title, title_ru, title_kk, anniversary_of, anniversary_of_ru, anniversary_of_kk, recurs, status, place, participants, note, derived, sources, draft, evidence)")]
    public async Task Validate_AHostileFile_PrintsOneLineNamingIt_AndExitsOne(string hostile, string expected)
    {
        using var facts = new TempFolder();
        HostileFacts.Write(facts, hostile, "x.yaml");

        var (exitCode, output, error) = await ServiceProcess.RunAsync(facts.Path, "validate", ".");

        Assert.Equal((1, ""), (exitCode, output));
        var lines = expected.Split('|');
        Assert.Equal([.. lines, $".: {lines.Length} error(s)."], error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("nested", "x.yaml:1: yaml: lists and mappings are nested more than 64 deep")]
    [InlineData("alias-bomb", "x.yaml:1: yaml: an anchor (&a0) is not allowed in a facts file")]
    public async Task TheService_OnAHostileFile_RefusesToStartNamingIt(string hostile, string expected)
    {
        using var facts = new TempFolder();
        HostileFacts.Write(facts, hostile, "x.yaml");

        var (exitCode, _, error) = await ServiceProcess.RunAsync(facts.Path, "--urls", "http://127.0.0.1:0", "--Calendar:FactsPath=.");

        Assert.Equal(1, exitCode);
        Assert.Contains("Refusing to start", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
