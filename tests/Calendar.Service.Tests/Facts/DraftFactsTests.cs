namespace Calendar.Service.Tests.Facts;

/// <summary>A draft never reaches the calendar unreviewed: the loader refuses <c>draft: true</c>, and accepts the fact once the flag is gone.</summary>
public class DraftFactsTests
{
    [Fact]
    public async Task Validate_ADraftInTheFactsFolder_IsRefusedNamingFileAndLine_AndSaysToReviewItAndRemoveTheFlag()
    {
        using var facts = new TempFolder();
        facts.Write("drafts.yaml", FactsFiles.Relations().Replace("    kind: relations", "    draft: true\n    kind: relations", StringComparison.Ordinal));

        var (exitCode, _, error) = await ServiceProcess.RunAsync(facts.Path, "validate", facts.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("drafts.yaml:6: facts[0].draft: this fact is a draft from `extract`: review it against its evidence and the article, then remove `draft: true`", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ExtractsOutput_OnceTheDraftFlagAndItsNoteAreRemoved_Loads()
    {
        using var folder = new TempFolder();
        folder.Write("facts/countries.yaml", FactsFiles.Countries + "\nfacts: []\n");
        var article = folder.Write("article.txt", "Today Xanadu and Brobdingnag mark the 30th anniversary of the establishment of diplomatic relations.");
        var (_, drafts, _) = await ServiceProcess.RunAsync(folder.Path, "extract", article, "--published", "2022-10-20", "--outlet", "Test Gazette",
            "--title", "[Invented] 30 years", "--home", "XA", $"--Calendar:FactsPath={folder.Path}/facts");
        folder.Write("reviewed/countries.yaml", FactsFiles.Countries + "\nfacts: []\n");
        folder.Write("reviewed/drafts.yaml", drafts);

        var (refused, _, refusal) = await ServiceProcess.RunAsync(folder.Path, "validate", $"{folder.Path}/reviewed");
        folder.Write("reviewed/drafts.yaml", string.Join('\n', drafts.Split('\n').Where(line => !line.TrimStart().StartsWith("draft: true", StringComparison.Ordinal))));
        var (accepted, output, error) = await ServiceProcess.RunAsync(folder.Path, "validate", $"{folder.Path}/reviewed");

        Assert.Equal(1, refused);
        Assert.Contains("facts[0].draft: this fact is a draft", refusal, StringComparison.Ordinal);
        Assert.True(accepted == 0, error);
        Assert.Contains("1 facts, no errors", output, StringComparison.Ordinal);
    }
}
