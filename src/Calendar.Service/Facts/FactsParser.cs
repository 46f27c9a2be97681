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
    public static FactsParseResult Parse(IReadOnlyList<FactsFile> files) => ParseCancellable(files, CancellationToken.None);

    /// <summary><see cref="Parse"/>, stopping with <see cref="OperationCanceledException"/> when the load is abandoned.</summary>
    public static FactsParseResult ParseCancellable(IReadOnlyList<FactsFile> files, CancellationToken cancellationToken)
    {
        var errors = new List<FactError>();
        var yamlFiles = new List<YamlFactsReader>();
        foreach (var file in files.Where(file => !file.IsCsv))
        {
            Guarded(file, errors, () => yamlFiles.Add(new YamlFactsReader(file, errors, cancellationToken)), cancellationToken);
        }

        // Country names first: any file may declare a code that another file uses.
        var countries = CountryCatalog.Iso;
        var declared = new List<CountryDeclaration>();
        foreach (var reader in yamlFiles)
        {
            Guarded(reader.File, errors, () => declared.AddRange(reader.DeclaredCountries()), cancellationToken);
        }

        if (declared.Count > 0)
        {
            countries = countries.Declare(declared);
        }

        var entries = new List<LocatedFact>();
        foreach (var reader in yamlFiles)
        {
            Guarded(reader.File, errors, () => entries.AddRange(reader.Facts(countries)), cancellationToken);
        }

        foreach (var file in files.Where(file => file.IsCsv))
        {
            Guarded(file, errors, () => entries.AddRange(CsvRelationsReader.Read(file, countries, errors, cancellationToken)), cancellationToken);
        }

        var firstById = new Dictionary<string, LocatedFact>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(entry => entry.Id is not null))
        {
            if (!firstById.TryAdd(entry.Id!, entry))
            {
                var first = firstById[entry.Id!];
                errors.Add(new FactError(entry.File, entry.Line, "id", $"duplicate id '{entry.Id}' (first defined at {first.File}:{first.Line})"));
            }
        }

        return errors.Count == 0
            ? new FactsParseResult(new FactSet(entries.Select(entry => entry.Fact!), countries), [])
            : new FactsParseResult(null, errors);
    }

    /// <summary>Reads one file's part; a reader's bug becomes an error naming the file, and the other files are still read.</summary>
    private static void Guarded(FactsFile file, List<FactError> errors, Action read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            read();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            errors.Add(new FactError(file.DisplayPath, 0, "file", $"could not be read: {e.GetType().Name}: {e.Message}"));
        }
    }
}
