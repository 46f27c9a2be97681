using Calendar.Service.Facts;

namespace Calendar.Service.Tests.Facts;

/// <summary>What a facts file may not do in YAML: nest without end, or use anchors and aliases.</summary>
public class YamlLimitsTests
{
    [Theory]
    [InlineData("mappings")]
    [InlineData("lists")]
    [InlineData("blocks")]
    public void Parse_NestingPastTheLimit_IsRefusedOnTheLineWhereItGoesTooDeep(string style)
    {
        // The root mapping is the first level.
        var (yaml, line) = Nested(style, 64);

        var error = Assert.Single(Parse(yaml).Errors);

        Assert.Equal($"a.yaml:{line}: yaml: lists and mappings are nested more than 64 deep", error.ToString());
    }

    [Theory]
    [InlineData("mappings")]
    [InlineData("lists")]
    [InlineData("blocks")]
    public void Parse_NestingUpToTheLimit_IsReadAsFacts(string style)
    {
        var errors = Parse(Nested(style, 63).Yaml).Errors;

        Assert.NotEmpty(errors);
        Assert.DoesNotContain(errors, e => e.Field == "yaml");
    }

    [Theory]
    [InlineData("title: &t Relations established", 9, "an anchor (&t) is not allowed in a facts file")]
    [InlineData("title: Relations\n    anniversary_of: *t", 10, "an alias (*t) is not allowed in a facts file")]
    [InlineData("title: Relations\n    <<: &m {note: merged}", 10, "an anchor (&m) is not allowed in a facts file")]
    public void Parse_AnchorsAndAliases_AreRefusedWhereTheyAre(string title, int line, string message)
    {
        var yaml = FactsFiles.Relations().Replace("title: Relations established", title, StringComparison.Ordinal);

        var error = Assert.Single(Parse(yaml).Errors);

        Assert.StartsWith($"a.yaml:{line}: yaml: {message}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_AnAliasBombAsAKey_IsRefusedAtTheFirstAnchor()
    {
        // Off the test's thread: a parser that expands the bomb fails the test rather than hanging the run.
        var result = await Task.Run(() => Parse(HostileFacts.AliasBomb()), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Errors);

        Assert.Equal("a.yaml:1: yaml: an anchor (&a0) is not allowed in a facts file: write the value out where it is used", error.ToString());
    }

    [Fact]
    public void Parse_ASecondDocument_IsRefusedWhereItStarts()
    {
        var error = Assert.Single(Parse(FactsFiles.Relations() + "\n---\n" + string.Concat(Enumerable.Repeat("---\n", 100_000))).Errors);

        Assert.Equal("a.yaml:14: yaml: expected one YAML document with 'facts:' (and optionally 'countries:'), found a second '---'", error.ToString());
    }

    private static (string Yaml, int Line) Nested(string style, int levels) => style switch
    {
        "mappings" => (HostileFacts.NestedMappings(levels), 1),
        "lists" => (HostileFacts.NestedLists(levels), 1),
        _ => (HostileFacts.NestedBlocks(levels), levels + 1),
    };

    private static FactsParseResult Parse(string yaml) => FactsParser.Parse([new FactsFile("a.yaml", yaml)]);
}
