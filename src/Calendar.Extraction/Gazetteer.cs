using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Calendar.Core;

namespace Calendar.Extraction;

/// <summary>A country or city named in a sentence, where it is, and whether it was a city.</summary>
internal sealed record PlaceMention(int Start, int End, CountryCode Country, string? City);

/// <summary>Finds countries in English text: names ("Argentina"), other names ("the Vatican"), adjectives ("Kazakh-Argentine") and cities ("Buenos Aires").</summary>
/// <remarks>
/// Country names come from the catalog, so a facts folder's own names count too. Words are matched with their case
/// ("Male" the city, not "male"), and also in capitals, as datelines print them ("MOSCOW").
/// </remarks>
internal sealed class Gazetteer
{
    private readonly Regex _pattern;
    private readonly FrozenDictionary<string, (CountryCode Country, bool IsCity)> _entries;

    public Gazetteer(CountryCatalog countries)
    {
        var entries = new Dictionary<string, (CountryCode, bool)>(StringComparer.Ordinal);
        void Add(string name, string code, bool isCity)
        {
            var country = CountryCode.Parse(code);
            entries.TryAdd(name, (country, isCity));
            entries.TryAdd(name.ToUpperInvariant(), (country, isCity));
        }

        foreach (var code in countries.Codes)
        {
            Add(countries.NameOf(code), code.Value, false);
        }

        foreach (var (name, code) in GazetteerData.OtherNames)
        {
            Add(name, code, false);
        }

        foreach (var (name, code) in GazetteerData.Cities)
        {
            Add(name, code, true);
        }

        _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
        // Longest names first, so that "Kuwait City" is a city and "People's Republic of China" one country.
        var alternatives = entries.Keys.OrderByDescending(name => name.Length).Select(Regex.Escape);
        _pattern = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    public IReadOnlyList<PlaceMention> Find(string text)
    {
        var found = new List<PlaceMention>();
        foreach (Match match in _pattern.Matches(text))
        {
            var (country, isCity) = _entries[match.Value];
            found.Add(new PlaceMention(match.Index, match.Index + match.Length, country, isCity ? Canonical(match.Value) : null));
        }

        return found;
    }

    /// <summary>A city as the facts name it: "Moscow" for "MOSCOW", "Astana" for the years it was Nur-Sultan.</summary>
    private static string Canonical(string name)
    {
        var known = GazetteerData.Cities.FirstOrDefault(city => string.Equals(city.Name, name, StringComparison.OrdinalIgnoreCase)).Name ?? name;
        return GazetteerData.CurrentNames.TryGetValue(known, out var current) ? current : known;
    }
}
