using Calendar.Core;

namespace Calendar.Service.Facts;

/// <summary>What one attempt to load a facts folder found.</summary>
internal sealed record FactsLoad(FactSet? Facts, FactsVersion? Version, IReadOnlyList<FactError> Errors)
{
    public bool Succeeded => Facts is not null && Version is not null;
}

internal static class FactsLoader
{
    public static FactsLoad Load(FactsFolder folder)
    {
        if (folder.Read(out var folderError) is not var (files, version))
        {
            return new FactsLoad(null, null, [folderError!]);
        }

        var parsed = FactsParser.Parse(files);
        return parsed.Succeeded ? new FactsLoad(parsed.Facts, version, []) : new FactsLoad(null, version, parsed.Errors);
    }
}
