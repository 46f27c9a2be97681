using System.Diagnostics.CodeAnalysis;

namespace Calendar.Service.Facts;

/// <summary>A source link must be an absolute http(s) URL: anything else would be a dead link on the page and in the feed.</summary>
internal static class SourceRules
{
    public static bool TryReadUrl(string text, [NotNullWhen(true)] out Uri? url, out string error)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            error = "";
            return true;
        }

        url = null;
        error = $"'{text}' must be an absolute http or https URL";
        return false;
    }
}
