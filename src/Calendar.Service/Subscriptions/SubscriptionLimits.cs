using Calendar.Service.Upcoming;

namespace Calendar.Service.Subscriptions;

/// <summary>How long and how many: every field of a subscription, whichever way it comes in (form, admin API, configuration).</summary>
/// <remarks>
/// Checked before anything else reads the values, and a value over its limit is not repeated in the error: a
/// stranger cannot make the database, an email or an error page carry megabytes.
/// </remarks>
internal static class SubscriptionLimits
{
    /// <summary>RFC 5321 §4.5.3.1.3 allows a 256-octet path, so 254 for the address inside the angle brackets.</summary>
    public const int Email = 254;

    public const int Name = 200;

    /// <summary>Country codes in one subscription; each is two letters, but a value may list several with commas.</summary>
    public const int Countries = 100;

    public const int Kinds = 20;

    /// <summary>Lead times in one ladder (30, 7, 1 is three).</summary>
    public const int LeadTimes = 10;

    /// <summary>The longest IANA id is about 30 characters (America/Argentina/ComodRivadavia).</summary>
    public const int TimeZone = 64;

    public const int SendAt = 5;

    /// <summary>A language tag: en, ru, kk.</summary>
    public const int Language = 8;

    /// <summary>One country code or kind name ("strategic-partnership" is the longest kind).</summary>
    private const int Value = 32;

    /// <summary>Adds an error, keyed by field, for each value over its limit or carrying a control character; true when none is.</summary>
    public static bool Check(SubscriptionInput input, QueryErrors errors)
    {
        var before = errors.Lines.Count();
        Text(input.Email, "Email", Email, errors);
        Text(input.Name, "Name", Name, errors);
        Text(input.TimeZone, "TimeZone", TimeZone, errors);
        Text(input.SendAt, "SendAt", SendAt, errors);
        Text(input.Language, "Language", Language, errors);
        Values(input.Countries, "Countries", Countries, errors);
        Values(input.Kinds, "Kinds", Kinds, errors);
        Count(input.LeadDays, "LeadDays", errors);
        Count(input.JubileeLeadDays, "JubileeLeadDays", errors);
        return errors.Lines.Count() == before;
    }

    private static void Text(string? text, string field, int limit, QueryErrors errors)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > limit)
        {
            errors.Add(field, $"at most {limit} characters");
        }
        else if (text.Any(char.IsControl))
        {
            errors.Add(field, "no control characters (line breaks, tabs, NUL)");
        }
    }

    private static void Values(IReadOnlyList<string>? values, string field, int limit, QueryErrors errors)
    {
        var all = (values ?? []).SelectMany(value => value.Split(',')).ToList();
        if (all.Count > limit)
        {
            errors.Add(field, $"at most {limit} values");
        }
        else if (all.Any(value => value.Length > Value || value.Any(char.IsControl)))
        {
            errors.Add(field, $"each value is at most {Value} characters, with no control characters");
        }
    }

    private static void Count(IReadOnlyList<int>? days, string field, QueryErrors errors)
    {
        if (days?.Count > LeadTimes)
        {
            errors.Add(field, $"at most {LeadTimes} lead times");
        }
    }
}
