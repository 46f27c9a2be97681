using System.Text;

namespace Calendar.Core;

/// <summary>The reviewed table of country names in Russian and Kazakh, <c>docs/i18n/country-names.tsv</c>, built into the assembly.</summary>
/// <remarks>
/// The TSV in docs/ is the one source: the project embeds that very file, so an editor's correction there is what the
/// service prints. Reading a resource built into the assembly is not I/O in the sense the core avoids (no file, no
/// configuration), and it cannot fail at run time once a test has read it.
/// </remarks>
internal static class CountryNameTable
{
    private const string ResourceName = "Calendar.Core.country-names.tsv";

    public static IReadOnlyDictionary<CountryCode, CountryForms> Load()
    {
        using var stream = typeof(CountryNameTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing: Calendar.Core.csproj embeds docs/i18n/country-names.tsv.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Parse(Encoding.UTF8.GetString(bytes));
    }

    /// <summary>Rows by code; a row with too few cells names its line.</summary>
    internal static Dictionary<CountryCode, CountryForms> Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
        var header = lines[0].Split('\t');
        var forms = new Dictionary<CountryCode, CountryForms>();
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split('\t');
            if (cells.Length != header.Length || !CountryCode.TryParse(cells[0], out var code))
            {
                throw new FormatException($"country-names.tsv, line {i + 1}: expected {header.Length} tab-separated cells starting with a country code.");
            }

            forms[code] = CountryForms.Of(header.Zip(cells).Where(pair => CountryForms.Columns.Contains(pair.First)).Select(pair => KeyValuePair.Create(pair.First, pair.Second)));
        }

        return forms;
    }
}
