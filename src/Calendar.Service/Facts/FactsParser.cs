using Calendar.Core;

namespace Calendar.Service.Facts;

/// <summary>The outcome of reading a facts folder: the facts, or every error found in it.</summary>
internal sealed record FactsParseResult(FactSet? Facts, IReadOnlyList<FactError> Errors)
{
    public bool Succeeded => Facts is not null;
}

/// <summary>Turns the texts of a facts folder into one <see cref="FactSet"/>, checking what spans files (duplicate ids).</summary>
internal static class FactsParser
{
    public static FactsParseResult Parse(IReadOnlyList<FactsFile> files)
    {
        var errors = new List<FactError>();
        var yamlFiles = files.Where(file => !file.IsCsv).Select(file => new YamlFactsReader(file, errors)).ToList();

        // Country names first: any file may declare a code that another file uses.
        var countries = CountryCatalog.Iso;
        var declared = yamlFiles.SelectMany(reader => reader.DeclaredCountries()).ToList();
        if (declared.Count > 0)
        {
            countries = countries.With(declared);
        }

        var facts = yamlFiles.SelectMany(reader => reader.Facts(countries))
            .Concat(files.Where(file => file.IsCsv).SelectMany(file => CsvRelationsReader.Read(file, countries, errors)))
            .ToList();

        var firstById = new Dictionary<string, LocatedFact>(StringComparer.Ordinal);
        foreach (var located in facts)
        {
            if (!firstById.TryAdd(located.Fact.Id, located))
            {
                var first = firstById[located.Fact.Id];
                errors.Add(new FactError(located.File, located.Line, "id", $"duplicate id '{located.Fact.Id}' (first defined at {first.File}:{first.Line})"));
            }
        }

        return errors.Count == 0
            ? new FactsParseResult(new FactSet(facts.Select(located => located.Fact), countries), [])
            : new FactsParseResult(null, errors);
    }
}
