using YamlDotNet.RepresentationModel;

namespace Calendar.Service.Tests.Facts;

/// <summary><c>extract</c> as an editor runs it: the executable, a text file, the drafts on standard output.</summary>
/// <remarks>The articles are about invented countries (declared in the facts folder), so no test reads as a historical claim.</remarks>
public class ExtractCommandTests
{
    private const string Article = """
        XANADU CITY. Today Xanadu and Brobdingnag mark the 30th anniversary of the establishment of diplomatic relations.

        The fourth round of Xanadu–Brobdingnag consultations will be held on August 22, 2023.
        """;

    [Fact]
    public async Task Extract_PrintsEachDraftInTheFactsFormat_WithTheSentenceItCameFromAndTheSources()
    {
        using var folder = new TempFolder();
        folder.Write("facts/facts.yaml", FactsFiles.Relations(id: "xa-xb-relations", date: "1993-06-23"));
        var article = folder.Write("article.txt", Article);

        var (exitCode, output, error) = await ServiceProcess.RunAsync(folder.Path, "extract", article, "--published", "2022-10-20", "--outlet", "Test Gazette",
            "--title", "Xanadu, Brobdingnag mark 30 years", "--url", "https://gazette.test/30", "--home", "XA", $"--Calendar:FactsPath={folder.Path}/facts");

        Assert.True(exitCode == 0, error);
        var facts = Facts(output);
        var relations = facts.Single(f => Text(f, "kind") == "relations");
        Assert.Equal("true", Text(relations, "draft"));
        Assert.Equal(["XA", "XB"], ((YamlSequenceNode)relations["countries"]).Select(c => ((YamlScalarNode)c).Value));
        Assert.Equal("1992-10-20", Text(relations, "date"));
        Assert.Equal("The article, published 2022-10-20, marks the 30th anniversary of diplomatic relations on 2022-10-20 ('Today' in an article published 2022-10-20 is 2022-10-20), so diplomatic relations date from 1992-10-20.", Text(relations, "derived"));
        Assert.Equal("occurred", Text(relations, "status"));
        var evidence = (YamlMappingNode)relations["evidence"];
        Assert.Equal("XANADU CITY. Today Xanadu and Brobdingnag mark the 30th anniversary of the establishment of diplomatic relations.", Text(evidence, "sentence"));
        Assert.Equal("0", Text(evidence, "offset"));
        Assert.Equal("1", Text(evidence, "line"));
        var source = (YamlMappingNode)((YamlSequenceNode)relations["sources"]).Single();
        Assert.Equal(("Test Gazette", "2022-10-20", "Xanadu, Brobdingnag mark 30 years", "https://gazette.test/30"),
            (Text(source, "outlet"), Text(source, "published"), Text(source, "title"), Text(source, "url")));

        var round = facts.Single(f => Text(f, "kind") == "consultations");
        Assert.Equal(("2023-08-22", "scheduled", "3"), (Text(round, "date"), Text(round, "status"), Text((YamlMappingNode)round["evidence"], "line")));
        Assert.Contains("4th round", Text(round, "title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_ADraftThatRepeatsALoadedFact_SaysWhich_AndOneThatContradictsIt_SaysSo()
    {
        using var folder = new TempFolder();
        folder.Write("facts/facts.yaml", FactsFiles.Relations(id: "xa-xb-relations", date: "1992-10-20"));
        var same = folder.Write("same.txt", Article);
        var other = folder.Write("other.txt", "Xanadu and Brobdingnag celebrated the 25th anniversary of diplomatic relations on 1 March 2020.");

        var (_, sameOutput, _) = await ServiceProcess.RunAsync(folder.Path, "extract", same, "--published", "2022-10-20", "--home", "XA", $"--Calendar:FactsPath={folder.Path}/facts");
        var (_, otherOutput, _) = await ServiceProcess.RunAsync(folder.Path, "extract", other, "--published", "2020-03-02", "--home", "XA", $"--Calendar:FactsPath={folder.Path}/facts");

        Assert.Equal("xa-xb-relations", Text(Facts(sameOutput).Single(f => Text(f, "kind") == "relations"), "same_as"));
        var contradiction = Facts(otherOutput).Single();
        Assert.Equal(("1995-03-01", "xa-xb-relations"), (Text(contradiction, "date"), Text(contradiction, "conflicts_with")));
    }

    [Fact]
    public async Task Extract_ATextWithNothingDated_PrintsNoFacts_AndExitsZero()
    {
        using var folder = new TempFolder();
        var article = folder.Write("article.txt", "Xanadu and Brobdingnag discussed trade and culture.");

        var (exitCode, output, _) = await ServiceProcess.RunAsync(folder.Path, "extract", article, "--published", "2022-10-20");

        Assert.Equal(0, exitCode);
        Assert.Empty(Facts(output));
    }

    [Theory]
    [InlineData(new[] { "missing.txt", "--published", "2022-10-20" }, "missing.txt: no such file.")]
    [InlineData(new[] { "article.txt", "--published", "2022-13-20" }, "--published: '2022-13-20' must be a date, YYYY-MM-DD")]
    [InlineData(new[] { "article.txt", "--published", "2022-10-20", "--home", "Xanadu" }, "--home: 'Xanadu' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData(new[] { "article.txt", "--published", "2022-10-20", "--url", "ftp://gazette.test" }, "--url: 'ftp://gazette.test' must be an absolute http or https URL")]
    [InlineData(new[] { "article.txt" }, "Option '--published' is required.")]
    public async Task Extract_AMissingFileOrABadOption_IsAClearErrorAndExitTwo(string[] arguments, string message)
    {
        using var folder = new TempFolder();
        folder.Write("article.txt", Article);

        var (exitCode, output, error) = await ServiceProcess.RunAsync(folder.Path, ["extract", .. arguments]);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Extract_ATextThatIsNotUtf8_IsAClearErrorAndExitTwo()
    {
        using var folder = new TempFolder();
        var article = Path.Combine(folder.Path, "article.txt");
        await File.WriteAllBytesAsync(article, [0x58, 0xFF, 0xFE, 0x41], TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await ServiceProcess.RunAsync(folder.Path, "extract", "article.txt", "--published", "2022-10-20");

        Assert.Equal(2, exitCode);
        Assert.Contains("article.txt: cannot be read", error, StringComparison.Ordinal);
    }

    private static List<YamlMappingNode> Facts(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        return root["facts"] is YamlSequenceNode facts ? [.. facts.Cast<YamlMappingNode>()] : [];
    }

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;
}
