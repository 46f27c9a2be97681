using Calendar.Service.Facts;

namespace Calendar.Service.Tests.Facts;

/// <summary><c>validate</c> reports every error at once, printed so that no value in a file can forge an error line.</summary>
public class FactsCompletenessTests
{
    [Fact]
    public void Parse_ADuplicateIdWhoseFirstDefinitionIsInvalid_IsStillReported()
    {
        var first = FactsFiles.Relations(date: "1993-02-30");
        var second = "# another file\n" + FactsFiles.Relations();

        var errors = FactsParser.Parse([new FactsFile("a.yaml", first), new FactsFile("b.yaml", second)]).Errors.Select(e => e.ToString());

        Assert.Equal(
            ["a.yaml:8: facts[0].date: '1993-02-30' is not a date: The day 30 is out of range in month 2 of year 1993.",
             "b.yaml:6: id: duplicate id 'xa-xb-relations' (first defined at a.yaml:5)"],
            errors);
    }

    [Fact]
    public void Parse_ADuplicateCsvRowWhoseFirstRowIsInvalid_IsStillReported()
    {
        var csv = "country_a,country_b,established,source_title,source_url\nKZ,IT,1992-02-30,Protocol,\nKZ,IT,1992-08-21,Protocol,\n";

        var errors = FactsParser.Parse([new FactsFile("r.csv", csv)]).Errors;

        Assert.Equal(["r.csv:2: established", "r.csv:3: id"], errors.Select(e => $"{e.File}:{e.Line}: {e.Field}"));
    }

    [Fact]
    public void Parse_NoSources_IsReportedWhateverElseIsWrong()
    {
        var yaml = FactsFiles.Relations(date: "1993-02-30");
        yaml = yaml[..yaml.IndexOf("    sources:", StringComparison.Ordinal)] + "    sources: []\n";

        var errors = FactsParser.Parse([new FactsFile("a.yaml", yaml)]).Errors;

        Assert.Equal(["facts[0].date", "facts[0].sources"], errors.Select(e => e.Field).Order());
        Assert.Contains(errors, e => e.Field == "facts[0].sources" && e.Message.Contains("at least one source", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SourcesThatAreNotAList_AreOneErrorNotTwo()
    {
        var yaml = FactsFiles.Relations();
        yaml = yaml[..yaml.IndexOf("    sources:", StringComparison.Ordinal)] + "    sources: Test Gazette\n";

        var error = Assert.Single(FactsParser.Parse([new FactsFile("a.yaml", yaml)]).Errors);

        Assert.Equal("a.yaml:10: facts[0].sources: must be a list", error.ToString());
    }

    [Fact]
    public void Parse_APublishedDateInYearZero_IsAnError()
    {
        var error = Assert.Single(FactsParser.Parse([new FactsFile("a.yaml", FactsFiles.Relations().Replace("published: 2023-06-24", "published: 0000-01-01", StringComparison.Ordinal))]).Errors);

        Assert.Equal("a.yaml:13: facts[0].sources[0].published: '0000-01-01' must be a date, YYYY-MM-DD, from 0001", error.ToString());
    }

    [Theory]
    [InlineData("\"id\\nfacts.yaml:1: id: all good\": 1", @"id\nfacts.yaml:1: id: all good")]
    [InlineData("\"evil\\u202Eenil\": 1", @"evil\u202Eenil")]
    [InlineData("\"tab\\tand\\rreturn\\u0085next\\u2028line\": 1", @"tab\tand\rreturn\u0085next\u2028line")]
    public void AnErrorLine_PrintsFieldNamesEscaped(string field, string printed)
    {
        var yaml = FactsFiles.Relations().Replace("    kind: relations", $"    kind: relations\n    {field}", StringComparison.Ordinal);

        var error = Assert.Single(FactsParser.Parse([new FactsFile("a.yaml", yaml)]).Errors).ToString();

        Assert.StartsWith($"a.yaml:7: facts[0].{printed}: unknown field", error, StringComparison.Ordinal);
        Assert.DoesNotContain(error, c => char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format);
    }

    [Fact]
    public void AnErrorLine_PrintsValuesEscapedAndKeepsOtherScripts()
    {
        var yaml = FactsFiles.Relations(title: "Қазақстан 🇰🇿").Replace("kind: relations", "kind: \"party\\n\\u202Eok\"", StringComparison.Ordinal);

        var error = Assert.Single(FactsParser.Parse([new FactsFile("a.yaml", yaml)]).Errors);

        Assert.StartsWith(@"a.yaml:6: facts[0].kind: unknown kind 'party\n\u202Eok'", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(@"Қазақстан 🇰🇿 \u202E\n", FactError.Escape("Қазақстан 🇰🇿 \u202E\n"));
    }
}
