using Calendar.Service.Subscriptions;
using Calendar.Service.Upcoming;
using Microsoft.Extensions.Primitives;

namespace Calendar.Service.Page;

/// <summary>
/// What a person reads when the page's address or the reminder form has a problem: each line names the field as the
/// page labels it, in the page's language. The API's problem details stay in English, for developers.
/// </summary>
internal static class ProblemLines
{
    /// <summary>Longer values are cut: a line quotes what was given, never a stranger's megabyte.</summary>
    private const int Shown = 40;

    /// <summary>One line per field with a problem, in the order the problems were found; <paramref name="fields"/> are the names the request may carry, any other is a field it does not have, whatever its name.</summary>
    public static IReadOnlyList<string> Of(QueryErrors errors, Func<string, StringValues> given, PageText text, IReadOnlyCollection<string> fields) =>
        [.. errors.ToDictionary().Keys.Select(field => Line(field, given(field).ToString(), text, fields.Contains(field)))];

    private static string Line(string field, string value, PageText text, bool known)
    {
        var quoted = value.Length > Shown ? value[..Shown] + "…" : value;
        var (label, problem) = known ? Known(field, value, quoted, text) : (field.Length > Shown ? field[..Shown] + "…" : field, text.UnknownField);
        return $"{label}: {problem}";
    }

    private static (string Label, string Problem) Known(string field, string value, string quoted, PageText text) =>
        field switch
        {
            "email" => (text.EmailAddress,
                value.Length == 0 ? text.Required
                : value.Length > SubscriptionLimits.Email ? text.AtMostCharacters(SubscriptionLimits.Email)
                : value.Any(char.IsControl) ? text.NoControlCharacters
                : text.NotAnEmailAddress(quoted)),
            "name" => (text.Name, value.Length > SubscriptionLimits.Name ? text.AtMostCharacters(SubscriptionLimits.Name) : text.NoControlCharacters),
            "timeZone" => (text.TimeZone, text.NotATimeZone(quoted)),
            "sendAt" => (text.SendAt, text.NotATime(quoted)),
            "country" => (text.Country, text.NotOffered(quoted)),
            "kind" => (text.Kind, text.NotOffered(quoted)),
            "jubilee" => (text.Jubilees, text.NotOffered(quoted)),
            "lang" or "language" => (text.LanguageSwitch, text.NotOffered(quoted)),
            _ => (field.Length > Shown ? field[..Shown] + "…" : field, text.UnknownField),
        };
}
