using Calendar.Core;
using Calendar.Service.Facts;

namespace Calendar.Service.Tests.Facts;

/// <summary>Every validation error names the file, the line and the field, so that an editor can go straight to it.</summary>
public class FactsParserTests
{
    private const string Source = """
            sources:
              - title: "[Invented]"
                outlet: Test Gazette
                published: 2023-06-24
        """;

    [Fact]
    public void Parse_ReadsEveryFieldOfAFact()
    {
        var result = Parse("""
            countries:
              XA: Xanadu
            facts:
              - id: xa-kz-consultations-4
                kind: consultations
                countries: [KZ, XA]
                date: 2023-08-22
                title: Fourth round of consultations
                recurs: false
                status: scheduled
                place: { city: Xanadu City, country: XA }
                participants: [A. Person, B. Person]
                note: Deputy ministers lead the delegations.
                derived: The article says "next Tuesday".
                sources:
                  - title: "[Invented]"
                    outlet: Test Gazette
                    published: 2023-06-24
                    url: https://example.org/article
            """);

        var fact = Assert.Single(result.Facts!.Facts);
        Assert.Equal("xa-kz-consultations-4", fact.Id);
        Assert.Equal(FactKind.Consultations, fact.Kind);
        Assert.Equal(["KZ", "XA"], fact.Countries.Select(c => c.Value));
        Assert.Equal("2023-08-22", fact.Date.ToIsoString());
        Assert.False(fact.Recurs);
        Assert.Equal(FactStatus.Scheduled, fact.Status);
        Assert.Equal(new Place("Xanadu City", CountryCode.Parse("XA")), fact.Place);
        Assert.Equal(["A. Person", "B. Person"], fact.Participants);
        Assert.Equal("The article says \"next Tuesday\".", fact.Derivation);
        var source = Assert.Single(fact.Sources);
        Assert.Equal("Test Gazette", source.Outlet);
        Assert.Equal(new Uri("https://example.org/article"), source.Url);
        Assert.Equal("Xanadu", result.Facts.Countries.NameOf(CountryCode.Parse("XA")));
    }

    [Fact]
    public void Parse_RelationsRecurByDefaultAndVisitsDoNot()
    {
        var result = Parse($"""
            facts:
              - id: kz-it-relations
                kind: relations
                countries: [KZ, IT]
                date: 1992-08-21
                title: Relations
            {Source}
              - id: kz-it-visit
                kind: visit
                countries: [KZ, IT]
                date: 2015
                title: Visit
            {Source}
            """);

        Assert.Equal([true, false], result.Facts!.Facts.OrderBy(f => f.Id).Select(f => f.Recurs));
    }

    [Theory]
    [InlineData("countries: [KZ, QQ]", 4, "countries", "unknown country code 'QQ'")]
    [InlineData("countries: [KZ, XA]", 4, "countries", "must be declared under 'countries:'")]
    [InlineData("countries: [KZ, Italy]", 4, "countries", "'Italy' is not an ISO 3166-1 alpha-2 country code")]
    [InlineData("date: 1992-02-30", 5, "date", "1992-02-30")]
    [InlineData("date: 21.08.1992", 5, "date", "expected YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("date: 0000-01-01", 5, "date", "'0000-01-01' is not a date: years start at 0001")]
    [InlineData("date: 0000-06", 5, "date", "'0000-06' is not a date: years start at 0001")]
    [InlineData("date: 0000", 5, "date", "'0000' is not a date: years start at 0001")]
    [InlineData("kind: party", 3, "kind", "unknown kind 'party'")]
    [InlineData("status: rumoured", 7, "status", "unknown status 'rumoured'")]
    [InlineData("recurs: sometimes", 7, "recurs", "must be true or false")]
    [InlineData("id: Kz_It", 2, "id", "lower-case letters")]
    [InlineData("recur: true", 7, "recur", "unknown field")]
    public void Parse_NamesTheFileLineAndFieldOfABadValue(string replacement, int line, string field, string message)
    {
        var field0 = replacement.Split(':')[0];
        var lines = Valid.Split('\n').ToList();
        var index = lines.FindIndex(l => l.TrimStart().TrimStart('-', ' ').StartsWith(field0 + ":", StringComparison.Ordinal));
        if (index >= 0)
        {
            lines[index] = lines[index][..lines[index].IndexOf(field0, StringComparison.Ordinal)] + replacement;
        }
        else
        {
            lines.Insert(6, "    " + replacement);
        }

        var error = Assert.Single(Parse(string.Join('\n', lines)).Errors);

        Assert.Equal("facts/italy.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal($"facts[0].{field}", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"facts/italy.yaml:{line}: facts[0].{field}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AFactWithoutSources_IsAnError()
    {
        var error = Assert.Single(Parse(Valid[..Valid.IndexOf("    sources:", StringComparison.Ordinal)]).Errors);

        Assert.Equal(2, error.Line);
        Assert.Equal("facts[0].sources", error.Field);
        Assert.Contains("at least one source", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ASourceWithoutTitle_IsAnError()
    {
        var error = Assert.Single(Parse(Valid.Replace("      - title: \"[Invented]\"\n        outlet:", "      - outlet:", StringComparison.Ordinal)).Errors);

        Assert.Equal("facts[0].sources[0].title", error.Field);
        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void Parse_ADuplicateIdInAnotherFile_NamesBothPlaces()
    {
        var result = FactsParser.Parse([new FactsFile("facts/italy.yaml", Valid), new FactsFile("facts/more.yaml", "# more\n" + Valid)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal("facts/more.yaml:3: id: duplicate id 'kz-it-relations' (first defined at facts/italy.yaml:2)", error.ToString());
    }

    [Fact]
    public void Parse_BrokenYaml_GivesTheLineOfTheSyntaxError()
    {
        var error = Assert.Single(Parse("facts:\n  - id: a\n    title: \"unterminated\n    kind: visit\n").Errors);

        Assert.Equal("yaml", error.Field);
        Assert.InRange(error.Line, 3, 5);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsEveryErrorNotOnlyTheFirst()
    {
        var broken = Valid.Replace("1992-08-21", "1992-02-30", StringComparison.Ordinal).Replace("[KZ, IT]", "[KZ, QQ]", StringComparison.Ordinal);

        Assert.Equal(["facts[0].countries", "facts[0].date"], Parse(broken).Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void Parse_CsvRows_BecomeRecurringRelations()
    {
        var result = FactsParser.Parse([new FactsFile("facts/relations.csv", """
            country_a,country_b,established,source_title,source_url
            KZ,IT,1992-08-21,"Protocol on relations, Rome",https://example.org/it
            KZ,LU,1992-06,Protocol,
            KZ,SI,1992,Protocol,
            """)]);

        Assert.Empty(result.Errors);
        var facts = result.Facts!.Facts.ToDictionary(f => f.Id);
        Assert.Equal(["kz-it-relations", "kz-lu-relations", "kz-si-relations"], facts.Keys.Order());
        Assert.Equal(DatePrecision.Month, facts["kz-lu-relations"].Date.Precision);
        Assert.True(facts["kz-it-relations"].Recurs);
        Assert.Equal("Protocol on relations, Rome", facts["kz-it-relations"].Sources[0].Title);
        Assert.Equal("Diplomatic relations established between Kazakhstan and Italy", facts["kz-it-relations"].Title);
    }

    [Theory]
    [InlineData("KZ,QQ,1992-08-21,Protocol,", "country_b", "unknown country code 'QQ'")]
    [InlineData("KZ,IT,1992-02-30,Protocol,", "established", "1992-02-30")]
    [InlineData("KZ,IT,0000-01-01,Protocol,", "established", "'0000-01-01' is not a date: years start at 0001")]
    [InlineData("KZ,IT,1992-08-21,,", "source_title", "needs a source")]
    [InlineData("KZ,IT,1992-08-21,Protocol,not a url", "source_url", "absolute http or https URL")]
    [InlineData("KZ,IT,1992-08-21,Protocol, Rome,", "row", "6 fields where the header has 5")]
    [InlineData("KZ,KZ,1992-08-21,Protocol,", "country_b", "two different countries")]
    public void Parse_BadCsvRow_NamesTheLineAndColumn(string row, string field, string message)
    {
        var result = FactsParser.Parse([new FactsFile("facts/relations.csv", $"country_a,country_b,established,source_title,source_url\nKZ,LU,1992-06-29,Protocol,\n{row}\n")]);

        var error = Assert.Single(result.Errors);
        Assert.Equal($"facts/relations.csv:3: {field}", $"{error.File}:{error.Line}: {error.Field}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CsvWithTheWrongHeader_SaysWhichHeaderIsExpected()
    {
        var error = Assert.Single(FactsParser.Parse([new FactsFile("r.csv", "a,b,date\nKZ,IT,1992\n")]).Errors);

        Assert.Equal("r.csv:1: header: expected the header 'country_a,country_b,established,source_title,source_url', found 'a,b,date'", error.ToString());
    }

    [Fact]
    public void Parse_CsvWithAStrayQuote_IsMalformed()
    {
        var error = Assert.Single(FactsParser.Parse([new FactsFile("r.csv", "country_a,country_b,established,source_title,source_url\nKZ,IT,1992,\"Protocol\" of Rome\",\n")]).Errors);

        Assert.Equal("r.csv", error.File);
        Assert.Equal("row", error.Field);
        Assert.Contains("malformed CSV", error.Message, StringComparison.Ordinal);
    }

    private const string Valid = """
        facts:
          - id: kz-it-relations
            kind: relations
            countries: [KZ, IT]
            date: 1992-08-21
            title: Relations established
            sources:
              - title: "[Invented]"
                outlet: Test Gazette
                published: 2023-06-24
        """;

    private static FactsParseResult Parse(string yaml) => FactsParser.Parse([new FactsFile("facts/italy.yaml", yaml)]);
}
