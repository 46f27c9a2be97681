using Calendar.Core;
using Calendar.Service.Upcoming;
using MimeKit;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Service.Subscriptions;

/// <summary>A subscription as given (configuration, admin API, the page's form), before it is checked.</summary>
/// <remarks>One set of rules for every way in; errors are keyed by field, so each caller can name it its own way.</remarks>
internal sealed record SubscriptionInput(
    string? Email,
    string? Name = null,
    IReadOnlyList<string>? Countries = null,
    IReadOnlyList<string>? Kinds = null,
    bool? Jubilee = null,
    IReadOnlyList<int>? LeadDays = null,
    IReadOnlyList<int>? JubileeLeadDays = null,
    string? TimeZone = null,
    string? SendAt = null,
    bool? JubileeOnly = null,
    string? Language = null)
{
    public const int MaxLeadDays = 3660;

    public static SubscriptionInput From(ConfiguredSubscription configured) => new(
        configured.Email,
        configured.Name,
        configured.Countries,
        configured.Kinds,
        configured.Jubilee,
        configured.LeadDays.Count > 0 ? configured.LeadDays : null,
        configured.JubileeLeadDays.Count > 0 ? configured.JubileeLeadDays : null,
        configured.TimeZone,
        configured.SendAt,
        configured.JubileeOnly,
        configured.Language);

    /// <summary>The subscription this input asks for, or null with each problem in <paramref name="errors"/> (keyed by field).</summary>
    public Subscription? Check(CountryCatalog countries, ReminderDefaults defaults, QueryErrors errors)
    {
        if (!SubscriptionLimits.Check(this, errors))
        {
            return null;
        }

        var email = CheckEmail(Email, errors);
        var filter = FilterParameters.Parse(Countries, Kinds, null, countries, errors, countryField: "Countries", kindField: "Kinds");
        var leads = CheckLadder(LeadDays, "LeadDays", defaults.LeadDays, errors);
        var jubileeLeads = CheckLadder(JubileeLeadDays, "JubileeLeadDays", defaults.JubileeLeadDays, errors);
        // JubileeOnly is the older field: true meant jubilees only, false meant no restriction.
        var jubilee = Jubilee ?? (JubileeOnly == true ? true : null);
        if (JubileeOnly == true && Jubilee == false)
        {
            errors.Add("JubileeOnly", "contradicts Jubilee: false; give Jubilee alone (true: jubilees only, false: no jubilees, absent: everything)");
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(string.IsNullOrWhiteSpace(TimeZone) ? defaults.TimeZone : TimeZone.Trim());
        if (zone is null)
        {
            errors.Add("TimeZone", $"'{TimeZone}' is not an IANA time zone id (e.g. Europe/Rome, Asia/Almaty)");
        }

        var sendAt = defaults.SendAt;
        if (!string.IsNullOrWhiteSpace(SendAt))
        {
            var parsed = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(SendAt.Trim());
            if (parsed.Success)
            {
                sendAt = parsed.Value;
            }
            else
            {
                errors.Add("SendAt", $"'{SendAt}' must be a local time, HH:mm (e.g. 09:00)");
            }
        }

        var language = Core.Language.En;
        if (Language is not null && !Languages.TryParse(Language, out language, out var languageError))
        {
            errors.Add("Language", languageError);
        }

        if (errors.Any)
        {
            return null;
        }

        return new Subscription
        {
            Email = email!,
            Name = Name?.Trim() ?? "",
            Filter = filter with { Jubilee = jubilee },
            LeadDays = leads,
            JubileeLeadDays = jubileeLeads,
            TimeZone = zone!,
            SendAt = sendAt,
            Language = language,
        };
    }

    private static string? CheckEmail(string? text, QueryErrors errors)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("Email", "is required");
            return null;
        }

        // The address alone ("a@b.org"): a display name belongs in Name.
        if (!MailboxAddress.TryParse(ParserOptions.Default, text, out var mailbox) || mailbox.Address != text
            || mailbox.Address.IndexOf('@', StringComparison.Ordinal) is <= 0 || mailbox.Domain.Length == 0 || !mailbox.Domain.Contains('.', StringComparison.Ordinal))
        {
            errors.Add("Email", $"'{text}' is not an email address");
            return null;
        }

        return mailbox.Address;
    }

    private static IReadOnlyList<int> CheckLadder(IReadOnlyList<int>? days, string field, IReadOnlyList<int> fallback, QueryErrors errors)
    {
        if (days is null || days.Count == 0)
        {
            return fallback;
        }

        if (days.Any(day => day is < 0 or > MaxLeadDays))
        {
            errors.Add(field, $"each lead time is a number of days from 0 (the day itself) to {MaxLeadDays}");
        }

        return [.. days.Distinct().OrderDescending()];
    }
}

/// <summary>What a subscription gets when it does not say: <c>Calendar:Reminders</c> and <c>Calendar:TimeZone</c>.</summary>
internal sealed record ReminderDefaults(IReadOnlyList<int> LeadDays, IReadOnlyList<int> JubileeLeadDays, string TimeZone, LocalTime SendAt);
