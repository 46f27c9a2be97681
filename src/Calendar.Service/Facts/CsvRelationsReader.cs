using Calendar.Core;
using CsvHelper;

namespace Calendar.Service.Facts;

/// <summary>Reads the spreadsheet form of relations: <c>country_a,country_b,established,source_title,source_url</c>.</summary>
/// <remarks>Each row becomes a recurring <see cref="FactKind.Relations"/> fact with the id <c>{a}-{b}-relations</c>.</remarks>
internal static class CsvRelationsReader
{
    public static readonly string[] Header = ["country_a", "country_b", "established", "source_title", "source_url"];

    public static IEnumerable<LocatedFact> Read(FactsFile file, CountryCatalog countries, List<FactError> errors, CancellationToken cancellationToken = default)
    {
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            TrimWhitespace = true,
            // A stray quote makes the rest of the file ambiguous: stop there and say where, rather than guess.
            MalformedData = CsvMalformedDataHandling.Throw,
            // Field counts are checked row by row below, with a message that says what to fix.
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        using var csv = CsvReader.FromText(file.Text, options);
        var facts = new List<LocatedFact>();
        try
        {
            if (!csv.Headers.SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new FactError(file.DisplayPath, 1, "header", $"expected the header '{string.Join(",", Header)}', found '{string.Join(",", csv.Headers)}'"));
                return facts;
            }

            while (csv.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                facts.Add(ReadRow(csv, file.DisplayPath, countries, errors));
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(new FactError(file.DisplayPath, (int)e.LineNumber, "row", $"malformed CSV: {e.Message.Split('\n')[0]}"));
        }

        return facts;
    }

    /// <summary>The row's fact, or only its id when the row is wrong (the id is known once both codes are).</summary>
    private static LocatedFact ReadRow(CsvReader csv, string path, CountryCatalog countries, List<FactError> errors)
    {
        var line = (int)csv.LineNumber;
        var count = errors.Count;
        void Error(string field, string message) => errors.Add(new FactError(path, line, field, message));

        if (csv.FieldCount != Header.Length)
        {
            Error("row", $"malformed CSV row: {csv.FieldCount} fields where the header has {Header.Length} (a comma inside a value needs quotes)");
            return new LocatedFact(null, null, path, line);
        }

        var codes = new List<CountryCode>();
        foreach (var (field, index) in Header[..2].Select((field, index) => (field, index)))
        {
            if (CountryRules.TryRead(csv.GetString(index), countries, out var code, out var error))
            {
                codes.Add(code);
            }
            else
            {
                Error(field, error);
            }
        }

        if (!PartialDate.TryParse(csv.GetString(2), out var established, out var dateError))
        {
            Error("established", dateError);
        }

        var title = csv.GetString(3);
        if (string.IsNullOrWhiteSpace(title))
        {
            Error("source_title", "every relation needs a source: the title of the document that records it");
        }

        var urlText = csv.GetString(4);
        Uri? url = null;
        if (!string.IsNullOrEmpty(urlText) && !SourceRules.TryReadUrl(urlText, out url, out var urlError))
        {
            Error("source_url", urlError);
        }

        if (codes.Count == 2 && codes[0] == codes[1])
        {
            Error("country_b", "a relation needs two different countries");
        }

        var id = codes.Count == 2 ? $"{codes[0].Value}-{codes[1].Value}-relations".ToLowerInvariant() : null;
        if (errors.Count > count)
        {
            return new LocatedFact(id, null, path, line);
        }

        var fact = new Fact
        {
            Id = id!,
            Kind = FactKind.Relations,
            Countries = codes,
            Date = established,
            Title = $"Diplomatic relations established between {countries.JoinNames(codes)}",
            Recurs = true,
            Sources = [new Source(title!, null, null, url)],
        };
        return new LocatedFact(id, fact, path, line);
    }
}
