using Calendar.Core;

namespace Calendar.Service.Upcoming;

/// <summary>Reads the filter parameters shared by the endpoint, the feed, the page and the command line.</summary>
/// <remarks>
/// Parsed by hand rather than bound: a binding failure answers a 400 that does not say which parameter
/// was wrong. Each error is keyed by the parameter's name, ready for a validation problem.
/// Values may repeat (<c>country=IT&amp;country=LU</c>) or be comma-separated (<c>country=IT,LU</c>).
/// </remarks>
internal static class FilterParameters
{
    public static OccurrenceFilter Parse(
        IEnumerable<string?>? country,
        IEnumerable<string?>? kind,
        string? jubilee,
        CountryCatalog countries,
        QueryErrors errors,
        string countryField = "country",
        string kindField = "kind")
    {
        var codes = Countries(country, countries, errors, countryField);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Values(kind))
        {
            var name = text.ToLowerInvariant();
            if (OccurrenceFilter.IsKnownKind(name))
            {
                kinds.Add(name);
            }
            else
            {
                errors.Add(kindField, $"'{text}' is not a kind; expected one of: {string.Join(", ", OccurrenceFilter.KnownKinds)}");
            }
        }

        bool? onlyJubilees = null;
        if (!string.IsNullOrWhiteSpace(jubilee))
        {
            if (bool.TryParse(jubilee.Trim(), out var value))
            {
                onlyJubilees = value;
            }
            else
            {
                errors.Add("jubilee", $"'{jubilee}' must be true or false");
            }
        }

        return new OccurrenceFilter { Countries = codes, Kinds = kinds, Jubilee = onlyJubilees };
    }

    /// <summary>The known countries named in <paramref name="country"/>; each unknown one is an error of <paramref name="field"/>.</summary>
    public static HashSet<CountryCode> Countries(IEnumerable<string?>? country, CountryCatalog countries, QueryErrors errors, string field = "country")
    {
        var codes = new HashSet<CountryCode>();
        foreach (var text in Values(country))
        {
            if (!CountryCode.TryParse(text, out var code) || !countries.Contains(code))
            {
                errors.Add(field, $"'{text}' is not a known ISO 3166-1 alpha-2 country code (e.g. IT, AR)");
            }
            else
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    private static IEnumerable<string> Values(IEnumerable<string?>? values) =>
        (values ?? []).SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
