using System.Globalization;
using System.Text;
using Calendar.Core;
using Calendar.Service.Facts;

namespace Calendar.Benchmarks;

/// <summary>A ministry-sized fact set: relations with every ISO country, and events around them, read through the real loaders.</summary>
internal static class ManyFacts
{
    public static FactSet Build(int eventsPerCountry)
    {
        var csv = new StringBuilder("country_a,country_b,established,source_title,source_url\n");
        var yaml = new StringBuilder("facts:\n");
        var day = 0;
        foreach (var code in CountryCatalog.Iso.Codes.Where(code => code.Value != "KZ"))
        {
            day++;
            csv.Append(CultureInfo.InvariantCulture, $"KZ,{code},{1992 + (day % 20)}-{1 + (day % 12):D2}-{1 + (day % 28):D2},Protocol,\n");
            for (var i = 0; i < eventsPerCountry; i++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $$"""
                      - id: kz-{{code.Value.ToLowerInvariant()}}-visit-{{i}}
                        kind: visit
                        countries: [KZ, {{code}}]
                        date: {{2020 + (i % 12)}}-{{1 + (i % 12):D2}}
                        title: Visit {{i}}
                        sources: [{ title: Bench }]

                    """);
            }
        }

        List<FactsFile> files = [new("relations.csv", csv.ToString())];
        if (eventsPerCountry > 0)
        {
            files.Add(new("events.yaml", yaml.ToString()));
        }

        var parsed = FactsParser.Parse(files);
        return parsed.Facts ?? throw new InvalidOperationException(string.Join('\n', parsed.Errors));
    }
}
