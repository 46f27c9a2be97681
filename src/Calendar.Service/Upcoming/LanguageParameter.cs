using Calendar.Core;

namespace Calendar.Service.Upcoming;

/// <summary>The <c>lang</c> parameter of the JSON, the feed, the page and the command line: <c>en</c> (the default), <c>ru</c>, <c>kk</c>.</summary>
internal static class LanguageParameter
{
    public const string Name = "lang";

    /// <summary>The language asked for, <paramref name="otherwise"/> when none is; an unknown one is an error naming it.</summary>
    public static Language Parse(string? lang, QueryErrors errors, Language otherwise = Language.En)
    {
        if (lang is null)
        {
            return otherwise;
        }

        if (Languages.TryParse(lang, out var language, out var error))
        {
            return language;
        }

        errors.Add(Name, error);
        return otherwise;
    }
}
