using Calendar.Core;
using Calendar.Service.Feed;
using Calendar.Service.Upcoming;
using Microsoft.Net.Http.Headers;

namespace Calendar.Service.Page;

/// <summary>The page's language: <c>lang</c> when the address has it, else the browser's <c>Accept-Language</c>, else English.</summary>
internal static class PageLanguage
{
    /// <summary>At most this many Accept-Language entries are looked at: the header comes from a stranger.</summary>
    private const int MaxPreferences = 20;

    public static Language Of(HttpRequest request, QueryErrors errors) =>
        request.Query.ContainsKey(LanguageParameter.Name)
            ? LanguageParameter.Parse(request.Query[LanguageParameter.Name].ToString(), errors)
            : FromAcceptLanguage(request);

    /// <summary>The first language the browser prefers that the calendar speaks, by quality (<c>kk, ru;q=0.8</c>); a region is ignored (<c>ru-KZ</c> is Russian).</summary>
    public static Language FromAcceptLanguage(HttpRequest request)
    {
        var header = request.Headers.AcceptLanguage.ToString();
        if (header.Length == 0 || !StringWithQualityHeaderValue.TryParseList(header.Split(',').Take(MaxPreferences).ToList(), out var preferences))
        {
            return Language.En;
        }

        foreach (var preference in preferences.Where(p => p.Quality is not 0).OrderByDescending(p => p.Quality ?? 1))
        {
            var primary = preference.Value.Value?.Split('-')[0];
            if (Languages.TryParse(primary, out var language, out _))
            {
                return language;
            }
        }

        return Language.En;
    }

    /// <summary>The switch: every language, linking to this page with this filter in it.</summary>
    public static IReadOnlyList<LanguageLink> Links(OccurrenceFilter filter, Language current) =>
        [.. Languages.All.Select(language => new LanguageLink(language.Tag(), language.NativeName(), "/" + FeedFilter.ToQueryString(filter, language).ToUriComponent(), language == current))];
}

/// <summary>One entry of the language switch.</summary>
public sealed record LanguageLink(string Tag, string Name, string Href, bool Current);
