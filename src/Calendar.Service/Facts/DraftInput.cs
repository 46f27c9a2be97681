using Calendar.Core;
using Calendar.Extraction;
using NodaTime.Text;

namespace Calendar.Service.Facts;

/// <summary>What <c>extract</c> and <c>POST /api/facts/drafts</c> are given besides the text, checked the same way for both.</summary>
/// <param name="Published">The publication date, YYYY-MM-DD (required).</param>
/// <param name="Outlet">Who published the article.</param>
/// <param name="Title">The article's headline.</param>
/// <param name="Url">Where to read it: an absolute http(s) address.</param>
/// <param name="Home">The country that speaks as "we"; default Calendar:HomeCountry.</param>
internal sealed record DraftInput(string? Published, string? Outlet, string? Title, string? Url, string? Home)
{
    public const int MaxOutletLength = 200;
    public const int MaxTitleLength = 500;
    public const int MaxUrlLength = 2000;

    /// <summary>The press release to read, or null with every problem in <paramref name="errors"/>, keyed by field.</summary>
    public PressRelease? Check(string text, string defaultHome, CountryCatalog countries, IDictionary<string, string> errors)
    {
        if (text.Length > PressReleaseReader.MaxTextLength)
        {
            errors["text"] = $"is {text.Length} characters long; at most {PressReleaseReader.MaxTextLength} are read";
        }

        var published = Published is null ? null : LocalDatePattern.Iso.Parse(Published.Trim()) is { Success: true, Value.Year: >= 1 } parsed ? parsed.Value : (NodaTime.LocalDate?)null;
        if (published is null)
        {
            errors["published"] = Published is null ? "is required: the day the article was published, YYYY-MM-DD" : $"'{Published}' must be a date, YYYY-MM-DD";
        }

        var outlet = Short(Outlet, "outlet", MaxOutletLength, errors);
        var title = Short(Title, "title", MaxTitleLength, errors);
        Uri? url = null;
        if (Short(Url, "url", MaxUrlLength, errors) is { } address && !SourceRules.TryReadUrl(address, out url, out var urlError))
        {
            errors["url"] = urlError;
        }

        var homeText = string.IsNullOrWhiteSpace(Home) ? defaultHome : Home.Trim();
        if (!CountryRules.TryRead(homeText, countries, out var home, out var homeError))
        {
            errors["home"] = homeError;
        }

        return errors.Count > 0 ? null : new PressRelease(text, published!.Value, home, new Source(title, outlet, published, url));
    }

    private static string? Short(string? value, string field, int max, IDictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > max || value.Any(char.IsControl))
        {
            errors[field] = $"must be at most {max} characters, without control characters";
            return null;
        }

        return value.Trim();
    }
}
