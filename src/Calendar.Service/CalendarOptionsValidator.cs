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
    // The snapshot (and the feed) reach from 1 January last year to up to 50 years ahead (HorizonYears), and the JSON
    // endpoint's default range a hundred days on: all within 0001..9999, with room to spare.
    private const int FirstYear = 2;
    private const int LastYear = 9999 - 100 - 1;

    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var failures = new List<string>();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone) is null)
        {
            failures.Add($"Calendar:TimeZone: '{options.TimeZone}' is not an IANA time zone id (e.g. Asia/Almaty, Europe/Rome)");
        }

        if (!string.IsNullOrWhiteSpace(options.Today))
        {
            var parsed = LocalDatePattern.Iso.Parse(options.Today.Trim());
            if (!parsed.Success)
            {
                failures.Add($"Calendar:Today: '{options.Today}' must be a date, YYYY-MM-DD");
            }
            else if (parsed.Value.Year is < FirstYear or > LastYear)
            {
                failures.Add($"Calendar:Today: '{options.Today}' must be from {FirstYear:D4}-01-01 to {LastYear}-12-31, so that a year back and the horizons ahead are dates");
            }
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            failures.Add($"Calendar:PublicBaseUrl: '{url}' must be an absolute http or https address with no query, e.g. https://calendar.example.org/");
        }

        if (!Calendar.Core.CountryCode.TryParse(options.HomeCountry?.Trim(), out var home) || !Calendar.Core.CountryCatalog.Iso.Contains(home))
        {
            failures.Add($"Calendar:HomeCountry: '{options.HomeCountry}' must be an ISO 3166-1 alpha-2 country code such as KZ");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static LocalDate? PinnedToday(CalendarOptions options) =>
        string.IsNullOrWhiteSpace(options.Today) ? null : LocalDatePattern.Iso.Parse(options.Today.Trim()).Value;
}
