using Calendar.Core;
using Calendar.Service.Upcoming;

namespace Calendar.Service.Feed;

/// <summary>The filter of a feed or page URL: reading it, writing it back canonically, and naming it for people.</summary>
internal static class FeedFilter
{
    public static readonly string[] Names = ["country", "kind", "jubilee", LanguageParameter.Name];

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
    /// <remarks>The language last, and only when given: English, the default, has no <c>lang</c> in a feed's address.</remarks>
    public static QueryString ToQueryString(OccurrenceFilter filter, Language? language = null) => QueryString.Create(
        filter.Countries.Order().Select(code => Pair("country", code.Value))
            .Concat(filter.Kinds.Order(StringComparer.Ordinal).Select(kind => Pair("kind", kind)))
            .Concat(filter.Jubilee is { } jubilee ? [Pair("jubilee", jubilee ? "true" : "false")] : [])
            .Concat(language is { } lang ? [Pair(LanguageParameter.Name, lang.Tag())] : []));

    /// <summary>"Diplomatic anniversaries — Italy", "— Italy and Luxembourg · visits · jubilees only": what a subscriber sees in their list of calendars.</summary>
    public static string Describe(OccurrenceFilter filter, Wording wording) =>
        wording.Selection(filter) is { } selection ? $"{wording.CalendarName} — {selection}" : wording.CalendarName;

    private static KeyValuePair<string, string?> Pair(string name, string value) => new(name, value);
}
