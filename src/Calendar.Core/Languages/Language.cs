namespace Calendar.Core;

/// <summary>A language the calendar speaks: English (the default), Russian, Kazakh.</summary>
public enum Language
{
    En,
    Ru,
    Kk,
}

/// <summary>Language tags as users type them (<c>en</c>, <c>ru</c>, <c>kk</c>): one parser for HTTP, the command line and configuration.</summary>
public static class Languages
{
    public static IReadOnlyList<Language> All { get; } = [Language.En, Language.Ru, Language.Kk];

    /// <summary>The BCP 47 tag: <c>en</c>, <c>ru</c>, <c>kk</c>.</summary>
    public static string Tag(this Language language) => language switch
    {
        Language.Ru => "ru",
        Language.Kk => "kk",
        _ => "en",
    };

    /// <summary>The language's own name, for a language switch: "English", "Русский", "Қазақша".</summary>
    public static string NativeName(this Language language) => language switch
    {
        Language.Ru => "Русский",
        Language.Kk => "Қазақша",
        _ => "English",
    };

    /// <summary>The language <paramref name="wording"/> words in.</summary>
    public static Language LanguageOf(this Wording wording) => TryParse(wording.Language, out var language, out _) ? language : Language.En;

    /// <summary>Reads <c>en</c>, <c>ru</c> or <c>kk</c> (any case); a region is not a language (<c>ru-RU</c> is refused, so that a typo is never silently English).</summary>
    public static bool TryParse(string? text, out Language language, out string error)
    {
        language = Language.En;
        var tag = text?.Trim() ?? "";
        foreach (var candidate in All)
        {
            if (string.Equals(tag, candidate.Tag(), StringComparison.OrdinalIgnoreCase))
            {
                language = candidate;
                error = "";
                return true;
            }
        }

        // Echo at most a short, printable prefix: the value comes from a stranger.
        var shown = new string([.. tag.Take(20).Where(c => !char.IsControl(c))]);
        error = $"unknown language '{shown}': expected one of {string.Join(", ", All.Select(Tag))}";
        return false;
    }
}
