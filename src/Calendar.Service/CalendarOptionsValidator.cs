using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Service;

/// <summary>Checks what data annotations cannot: the zone is in the bundled tz database, the pinned date is a date.</summary>
/// <remarks>
/// Validated against NodaTime's bundled tzdb rather than the operating system's, which may lack zones
/// (chiseled images) or be stale (Kazakhstan moved to UTC+5 on 1 March 2024).
/// </remarks>
internal sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var failures = new List<string>();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone) is null)
        {
            failures.Add($"Calendar:TimeZone: '{options.TimeZone}' is not an IANA time zone id (e.g. Asia/Almaty, Europe/Rome)");
        }

        if (!string.IsNullOrWhiteSpace(options.Today) && !LocalDatePattern.Iso.Parse(options.Today.Trim()).Success)
        {
            failures.Add($"Calendar:Today: '{options.Today}' must be a date, YYYY-MM-DD");
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            failures.Add($"Calendar:PublicBaseUrl: '{url}' must be an absolute http or https address with no query, e.g. https://calendar.example.org/");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static LocalDate? PinnedToday(CalendarOptions options) =>
        string.IsNullOrWhiteSpace(options.Today) ? null : LocalDatePattern.Iso.Parse(options.Today.Trim()).Value;
}
