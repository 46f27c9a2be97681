using System.Text.RegularExpressions;
using Calendar.Service.Facts;

namespace Calendar.Service.Tests.Facts;

/// <summary>A source is cited by its own headline (title) or, when it has none, by what it is about (about): never an editor's words passed off as a title.</summary>
public class SourceAboutTests
{
    private const string Fact = """
        facts:
          - id: xa-relations
            kind: relations
            countries: [KZ, IT]
            date: 1992-08-21
            title: Relations established
            sources:
              - outlet: Test Gazette
                published: 2022-08-21
        """;

    [Fact]
    public void AnArticleWithoutAHeadline_IsReadByWhatItIsAbout()
    {
        var result = Parse(Fact + "\n        about: the 30th anniversary of relations");

        var source = Assert.Single(Assert.Single(result.Facts!.Facts).Sources);
        Assert.Null(source.Title);
        Assert.Equal("the 30th anniversary of relations", source.About);
    }

    [Theory]
    [InlineData("", "facts[0].sources[0].title", "is required")]
    [InlineData("\n        title: Headline\n        about: what it is about", "facts[0].sources[0].about", "not both")]
    public void ASourceNeedsExactlyOneOfTitleAndAbout(string fields, string field, string message)
    {
        var error = Assert.Single(Parse(Fact + fields).Errors);

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSeeds_QuoteNoMadeUpHeadlines_AndTheirTextNamesNoFactIds()
    {
        var files = Directory.GetFiles(Repository.Seeds, "*.yaml").Select(path => new FactsFile(path, File.ReadAllText(path))).ToList();

        var facts = FactsParser.Parse(files).Facts!.Facts;

        var ids = facts.Select(fact => fact.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(facts.SelectMany(fact => fact.Sources), source => Assert.False(source.Title?.StartsWith('[') ?? false, source.Title));
        Assert.All(
            facts.SelectMany(fact => new[] { fact.Title, fact.Note, fact.Derivation, fact.AnniversaryOf }.Concat(fact.Sources.Select(s => s.About))).OfType<string>(),
            text => Assert.DoesNotContain(Regex.Matches(text, "[a-z0-9]+(-[a-z0-9]+)+").Select(m => m.Value), ids.Contains));
    }

    private static FactsParseResult Parse(string yaml) => FactsParser.Parse([new FactsFile("facts/italy.yaml", yaml)]);
}
