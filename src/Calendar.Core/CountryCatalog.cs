using System.Collections.Frozen;

namespace Calendar.Core;

/// <summary>The countries facts may name, with the English names used in titles.</summary>
/// <remarks>
/// Starts from ISO 3166-1; a facts folder may rename a country (the diplomatic name can differ from the
/// ISO short name) or declare a user-assigned code (<c>XA</c>) for a place that is not a country.
/// </remarks>
public sealed class CountryCatalog
{
    private readonly FrozenDictionary<CountryCode, string> _names;

    private CountryCatalog(FrozenDictionary<CountryCode, string> names) => _names = names;

    public static CountryCatalog Iso { get; } = new(
        IsoCountries.Names.ToFrozenDictionary(pair => CountryCode.Parse(pair.Key), pair => pair.Value));

    public IEnumerable<CountryCode> Codes => _names.Keys.Order();

    public bool Contains(CountryCode code) => _names.ContainsKey(code);

    public string NameOf(CountryCode code) => _names.TryGetValue(code, out var name) ? name : code.Value;

    /// <summary>Whether <paramref name="code"/> may be declared by a facts file: an ISO code or a user-assigned one.</summary>
    public static bool IsDeclarable(CountryCode code) => Iso.Contains(code) || code.IsUserAssigned;

    /// <summary>This catalog with some names added or replaced.</summary>
    public CountryCatalog With(IEnumerable<KeyValuePair<CountryCode, string>> names)
    {
        var merged = new Dictionary<CountryCode, string>(_names);
        foreach (var (code, name) in names)
        {
            if (!IsDeclarable(code))
            {
                throw new ArgumentException($"'{code}' is neither an ISO 3166-1 code nor a user-assigned one.", nameof(names));
            }

            merged[code] = name;
        }

        return new CountryCatalog(merged.ToFrozenDictionary());
    }

    /// <summary>"Kazakhstan", "Kazakhstan and Italy", "Kazakhstan, Italy and Spain".</summary>
    public string JoinNames(IReadOnlyList<CountryCode> codes) => codes.Count switch
    {
        0 => "",
        1 => NameOf(codes[0]),
        _ => string.Join(", ", codes.Take(codes.Count - 1).Select(NameOf)) + " and " + NameOf(codes[^1]),
    };
}
