using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Core;

/// <summary>A date known to the day (<c>2023-08-22</c>), the month (<c>2016-09</c>) or the year (<c>2024</c>).</summary>
/// <remarks>
/// A partial date stands for the whole period it names: <c>2016-09</c> is 1–30 September 2016. It never
/// pretends to a day the source did not give.
/// </remarks>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private static readonly YearMonthPattern YearMonthIso = YearMonthPattern.Iso;
    private static readonly LocalDatePattern DateIso = LocalDatePattern.Iso;

    private PartialDate(int year, int? month, int? day) => (Year, Month, Day) = (year, month, day);

    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day
        : Month is not null ? DatePrecision.Month
        : DatePrecision.Year;

    public static PartialDate OfYear(int year) => new(ValidYear(year), null, null);

    public static PartialDate OfMonth(int year, int month) =>
        From(new YearMonth(ValidYear(year), month));

    public static PartialDate OfDay(LocalDate date) => new(ValidYear(date.Year), date.Month, date.Day);

    public static PartialDate From(YearMonth yearMonth) => new(ValidYear(yearMonth.Year), yearMonth.Month, null);

    /// <summary>The first day of the period: the date itself, the 1st of the month, or 1 January.</summary>
    public LocalDate FirstDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day of the period: the date itself, the end of the month, or 31 December.</summary>
    public LocalDate LastDay => Precision switch
    {
        DatePrecision.Day => FirstDay,
        // The month's own length, not "the 1st of next month, less a day", which overflows in December 9999.
        DatePrecision.Month => new LocalDate(Year, Month!.Value, CalendarSystem.Iso.GetDaysInMonth(Year, Month!.Value)),
        _ => new LocalDate(Year, 12, 31),
    };

    public DateInterval Period => new(FirstDay, LastDay);

    /// <summary>The same day, month or year <paramref name="year"/>, with the precision kept.</summary>
    /// <remarks>
    /// A 29 February falls on 28 February in common years, the rule NodaTime's <see cref="AnnualDate"/>
    /// carries (and the one most civil law uses for anniversaries). The anniversary is always computed
    /// from the original date, so the leap years that follow still get their 29 February.
    /// </remarks>
    public PartialDate InYear(int year) => Precision switch
    {
        DatePrecision.Day => OfDay(new AnnualDate(Month!.Value, Day!.Value).InYear(ValidYear(year))),
        DatePrecision.Month => OfMonth(year, Month!.Value),
        _ => OfYear(year),
    };

    public bool Overlaps(DateInterval interval) => FirstDay <= interval.End && LastDay >= interval.Start;

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    /// <remarks>The error says whether the shape is wrong or the date impossible (<c>1992-02-30</c>).</remarks>
    public static bool TryParse(string? text, out PartialDate date, out string error)
    {
        date = default;
        text = text?.Trim() ?? "";
        var shape = text.Length switch
        {
            4 or 7 or 10 => text.Select((c, i) => i is 4 or 7 ? c == '-' : char.IsAsciiDigit(c)).All(ok => ok),
            _ => false,
        };
        if (!shape)
        {
            error = $"'{text}' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }

        // NodaTime's ISO patterns accept year 0000 (1 BC); a partial date, like the calendars people use, starts at 0001.
        if (text.StartsWith("0000", StringComparison.Ordinal))
        {
            error = $"'{text}' is not a date: years start at 0001";
            return false;
        }

        switch (text.Length)
        {
            case 4:
                date = OfYear(int.Parse(text, CultureInfo.InvariantCulture));
                error = "";
                return true;
            case 7:
                return Accept(text, YearMonthIso.Parse(text), From, out date, out error);
            default:
                return Accept(text, DateIso.Parse(text), OfDay, out date, out error);
        }
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    private static bool Accept<T>(string text, ParseResult<T> result, Func<T, PartialDate> convert, out PartialDate date, out string error)
    {
        if (result.Success && result.Value is var value)
        {
            date = convert(value);
            error = "";
            return true;
        }

        // NodaTime says what is impossible ("The day 30 is out of range in month 2 of year 1992").
        date = default;
        error = $"'{text}' is not a date: {result.Exception.Message.Split("Value being parsed")[0].Trim()}";
        return false;
    }

    /// <summary>ISO form at its own precision: <c>2023-08-22</c>, <c>2016-09</c>, <c>2024</c>.</summary>
    public string ToIsoString() => Precision switch
    {
        DatePrecision.Day => DateIso.Format(FirstDay),
        DatePrecision.Month => YearMonthIso.Format(new YearMonth(Year, Month!.Value)),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public override string ToString() => ToIsoString();

    /// <summary>Orders by first day, then the more precise first (a day before the month that holds it).</summary>
    public int CompareTo(PartialDate other)
    {
        var byDay = FirstDay.CompareTo(other.FirstDay);
        return byDay != 0 ? byDay : other.Precision.CompareTo(Precision);
    }

    private static int ValidYear(int year) =>
        year is >= 1 and <= 9999 ? year : throw new ArgumentOutOfRangeException(nameof(year), year, "Years run from 1 to 9999.");

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}
