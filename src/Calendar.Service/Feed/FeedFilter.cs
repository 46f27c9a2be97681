using Calendar.Core;
using Calendar.Service.Upcoming;

namespace Calendar.Service.Feed;

/// <summary>The filter of a feed or page URL: reading it, writing it back canonically, and naming it for people.</summary>
internal static class FeedFilter
{
    public const string BaseName = "Diplomatic anniversaries";

    public static readonly string[] Names = ["country", "kind", "jubilee"];

    /// <summary>The filter in a query string; unknown parameters are errors, so a misspelt filter never means "everything".</summary>
    public static OccurrenceFilter Parse(IQueryCollection query, CountryCatalog countries, QueryErrors errors)
    {
        errors.RejectUnknown(query.Keys, Names);
        return FilterParameters.Parse(query["country"], query["kind"], query["jubilee"], countries, errors);
    }

    /// <summary>
    /// <c>?country=IT&amp;country=LU&amp;kind=anniversary&amp;jubilee=true</c>, in a fixed order, so that one
    /// selection has one URL (one cache entry, one subscription).
    /// </summary>
    public static QueryString ToQueryString(OccurrenceFilter filter) => QueryString.Create(
        filter.Countries.Order().Select(code => Pair("country", code.Value))
            .Concat(filter.Kinds.Order(StringComparer.Ordinal).Select(kind => Pair("kind", kind)))
            .Concat(filter.Jubilee is { } jubilee ? [Pair("jubilee", jubilee ? "true" : "false")] : []));

    /// <summary>"Diplomatic anniversaries — Italy", "— Italy and Luxembourg · visit · jubilees": what a subscriber sees in their list of calendars.</summary>
    public static string Describe(OccurrenceFilter filter, CountryCatalog countries) =>
        Selection(filter, countries) is { } selection ? $"{BaseName} — {selection}" : BaseName;

    /// <summary>"Italy and Luxembourg · visit · jubilees", or null for everything.</summary>
    public static string? Selection(OccurrenceFilter filter, CountryCatalog countries)
    {
        var parts = new List<string>();
        if (filter.Countries.Count > 0)
        {
            parts.Add(countries.JoinNames([.. filter.Countries.OrderBy(countries.NameOf, StringComparer.Ordinal)]));
        }

        if (filter.Kinds.Count > 0)
        {
            parts.Add(string.Join(", ", filter.Kinds.Order(StringComparer.Ordinal).Select(kind => kind.Replace('-', ' '))));
        }

        if (filter.Jubilee is { } jubilee)
        {
            parts.Add(jubilee ? "jubilees" : "no jubilees");
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private static KeyValuePair<string, string?> Pair(string name, string value) => new(name, value);
}
