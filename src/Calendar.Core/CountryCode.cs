using System.Diagnostics.CodeAnalysis;

namespace Calendar.Core;

/// <summary>An ISO 3166-1 alpha-2 country code such as <c>KZ</c> or <c>IT</c>.</summary>
/// <remarks>
/// The type guarantees the shape (two upper-case Latin letters), not that the code is assigned:
/// <see cref="CountryCatalog"/> knows which codes exist.
/// </remarks>
public readonly record struct CountryCode : IComparable<CountryCode>
{
    private CountryCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>
    /// True for the ranges ISO 3166-1 leaves to users (AA, QM-QZ, XA-XZ, ZZ): never a real country,
    /// which is why tests and private facts files use them for invented places.
    /// </summary>
    public bool IsUserAssigned =>
        Value == "AA" || Value == "ZZ" || Value[0] == 'X' || (Value[0] == 'Q' && Value[1] >= 'M');

    public static bool TryParse([NotNullWhen(true)] string? text, out CountryCode code)
    {
        code = default;
        if (text is not { Length: 2 } || !char.IsAsciiLetter(text[0]) || !char.IsAsciiLetter(text[1]))
        {
            return false;
        }

        code = new CountryCode(text.ToUpperInvariant());
        return true;
    }

    public static CountryCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a two-letter country code.");

    public int CompareTo(CountryCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";

    public static bool operator <(CountryCode left, CountryCode right) => left.CompareTo(right) < 0;

    public static bool operator <=(CountryCode left, CountryCode right) => left.CompareTo(right) <= 0;

    public static bool operator >(CountryCode left, CountryCode right) => left.CompareTo(right) > 0;

    public static bool operator >=(CountryCode left, CountryCode right) => left.CompareTo(right) >= 0;
}
