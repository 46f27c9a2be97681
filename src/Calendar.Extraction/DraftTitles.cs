using Calendar.Core;

namespace Calendar.Extraction;

/// <summary>A plain title for a draft, for the editor to improve: what happened, between whom, and where.</summary>
internal static class DraftTitles
{
    public static string Title(FactKind kind, IReadOnlyList<CountryCode> countries, Place? place, int? round, CountryCatalog catalog)
    {
        var a = catalog.NameOf(countries[0]);
        var b = catalog.NameOf(countries[^1]);
        var pair = $"{a}–{b}";
        var where = place is null ? "" : $" in {place.City ?? catalog.NameOf(place.Country)}";
        return kind switch
        {
            FactKind.Relations => $"Diplomatic relations established between {a} and {b}",
            FactKind.StrategicPartnership => $"Strategic partnership between {a} and {b}",
            FactKind.Visit => $"{pair} visit" + (place is null ? "" : $" to {place.City ?? catalog.NameOf(place.Country)}"),
            FactKind.Consultations => (round is { } n ? $"{Ordinals.English(n)} round of {pair} consultations" : $"{pair} consultations") + where,
            FactKind.AirRoute => $"Air route between {a} and {b}",
            _ => $"{pair} {kind.Name()}{where}",
        };
    }
}
