using Calendar.Core;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Calendar.Service.Upcoming;

/// <summary>The query of <c>GET /api/events/upcoming</c> and of the <c>upcoming</c> command, as given.</summary>
/// <remarks>Strings, parsed by <see cref="Parse"/>: a binding failure would answer a 400 that names no parameter.</remarks>
internal sealed record UpcomingParameters(
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "days")] string? Days,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "country")] string[]? Country,
    [FromQuery(Name = "kind")] string[]? Kind,
    [FromQuery(Name = "jubilee")] string? Jubilee,
    [FromQuery(Name = "lang")] string? Lang = null)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 3660;

    public static readonly string[] Names = ["from", "days", "to", "country", "kind", "jubilee", LanguageParameter.Name];

    /// <summary>The last date a range may reach: the ISO calendar's last, and the last of a four-digit year.</summary>
    /// <remarks>The first is 0001-01-01, which <see cref="PartialDate"/> enforces.</remarks>
    public static readonly LocalDate LastDate = LocalDate.MaxIsoValue;

    /// <summary>The range and filter asked for, or null with every problem recorded in <paramref name="errors"/>.</summary>
    public UpcomingQuery? Parse(LocalDate today, CountryCatalog countries, QueryErrors errors)
    {
        var from = ParseDate(From, "from", errors) ?? today;
        var to = ParseDate(To, "to", errors);
        int? days = null;
        if (!string.IsNullOrWhiteSpace(Days))
        {
            if (!int.TryParse(Days.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxDays)
            {
                errors.Add("days", $"'{Days}' must be a whole number of days from 1 to {MaxDays}");
            }
            else
            {
                days = count;
            }
        }

        if (to is not null && !string.IsNullOrWhiteSpace(Days))
        {
            errors.Add("to", "give either 'days' or 'to', not both");
        }
        else if (to is { } end && (end < from || Period.DaysBetween(from, end) >= MaxDays))
        {
            errors.Add("to", $"must be on or after 'from' ({from:yyyy-MM-dd}) and at most {MaxDays} days from it");
        }
        else if (to is null && (days is not null || string.IsNullOrWhiteSpace(Days)) && DaysLeftFrom(from) < (days ?? DefaultDays))
        {
            // Checked before any arithmetic: from + days past the last date overflows NodaTime (it was a 500).
            var (parameter, range) = days is null
                ? ("from", $"{from:yyyy-MM-dd} and the default {DefaultDays} days")
                : ("days", $"{days} days from {from:yyyy-MM-dd}");
            errors.Add(parameter, $"{range} would end after {LastDate:yyyy-MM-dd}, the last date served: give fewer 'days' or a 'to'");
        }

        var filter = FilterParameters.Parse(Country, Kind, Jubilee, countries, errors);
        var language = LanguageParameter.Parse(Lang, errors);
        if (errors.Any)
        {
            return null;
        }

        var last = to ?? from.PlusDays((days ?? DefaultDays) - 1);
        return new UpcomingQuery(new DateInterval(from, last), filter, language);
    }

    /// <summary>How many days there are from <paramref name="from"/> to <see cref="LastDate"/>, both included.</summary>
    private static int DaysLeftFrom(LocalDate from) => Period.DaysBetween(from, LastDate) + 1;

    private static LocalDate? ParseDate(string? text, string parameter, QueryErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!PartialDate.TryParse(text, out var date, out var error))
        {
            errors.Add(parameter, error.Replace("YYYY, YYYY-MM or YYYY-MM-DD", "YYYY-MM-DD", StringComparison.Ordinal));
            return null;
        }

        if (date.Precision != DatePrecision.Day)
        {
            errors.Add(parameter, $"'{text.Trim()}' is a {date.Precision.ToString().ToLowerInvariant()}, not a day: expected YYYY-MM-DD");
            return null;
        }

        return date.FirstDay;
    }
}

/// <summary>A parsed upcoming query: the inclusive range, the filter and the language of the words.</summary>
internal sealed record UpcomingQuery(DateInterval Range, OccurrenceFilter Filter, Language Language);
