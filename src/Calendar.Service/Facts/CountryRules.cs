using System.Diagnostics.CodeAnalysis;
using Calendar.Core;

namespace Calendar.Service.Facts;

/// <summary>What a country field accepts: a code the catalog knows (ISO, or declared in a facts file).</summary>
internal static class CountryRules
{
    public static bool TryRead(string text, CountryCatalog catalog, out CountryCode code, [NotNullWhen(false)] out string? error)
    {
        if (!CountryCode.TryParse(text, out code))
        {
            error = $"'{text}' is not an ISO 3166-1 alpha-2 country code such as KZ or IT";
            return false;
        }

        if (!catalog.Contains(code))
        {
            error = code.IsUserAssigned
                ? $"unknown country code '{code}': a user-assigned code must be declared under 'countries:' in a facts file"
                : $"unknown country code '{code}'";
            return false;
        }

        error = null;
        return true;
    }
}
