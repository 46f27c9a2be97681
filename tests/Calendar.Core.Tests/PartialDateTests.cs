using NodaTime;
using NodaTime.Text;

namespace Calendar.Core.Tests;

public class PartialDateTests
{
    [Theory]
    [InlineData("2023-08-22", DatePrecision.Day, "2023-08-22", "2023-08-22")]
    [InlineData("2016-09", DatePrecision.Month, "2016-09-01", "2016-09-30")]
    [InlineData("2024-02", DatePrecision.Month, "2024-02-01", "2024-02-29")]
    [InlineData("9999-12", DatePrecision.Month, "9999-12-01", "9999-12-31")]
    [InlineData("9999", DatePrecision.Year, "9999-01-01", "9999-12-31")]
    [InlineData("2024", DatePrecision.Year, "2024-01-01", "2024-12-31")]
    public void Parse_KeepsThePrecisionAndSpansThePeriod(string text, DatePrecision precision, string first, string last)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(Day(first), date.FirstDay);
        Assert.Equal(Day(last), date.LastDay);
        Assert.Equal(text, date.ToIsoString());
    }

    [Theory]
    [InlineData("1992-02-30")]
    [InlineData("2023-13")]
    [InlineData("2023-00-10")]
    [InlineData("23-08-22")]
    [InlineData("2023/08/22")]
    [InlineData("August 2023")]
    [InlineData("0000")]
    [InlineData("")]
    public void TryParse_RejectsWhatIsNotADate(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("0000")]
    [InlineData("0000-06")]
    [InlineData("0000-01-01")]
    public void TryParse_RejectsYearZeroAtEveryPrecision(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var error));

        Assert.Equal($"'{text}' is not a date: years start at 0001", error);
    }

    [Fact]
    public void TryParse_ExplainsAnImpossibleDay()
    {
        Assert.False(PartialDate.TryParse("1992-02-30", out _, out var error));

        Assert.Contains("1992-02-30", error);
    }

    [Theory]
    [InlineData(2027, "2027-02-28")]
    [InlineData(2028, "2028-02-29")]
    [InlineData(2100, "2100-02-28")]
    [InlineData(2000, "2000-02-29")]
    public void InYear_Feb29_FallsOnFeb28InCommonYears(int year, string expected) =>
        Assert.Equal(expected, PartialDate.Parse("1996-02-29").InYear(year).ToIsoString());

    [Fact]
    public void InYear_Feb29_ComesBackInTheLeapYearAfterACommonOne()
    {
        var relation = PartialDate.Parse("1996-02-29");

        var common = relation.InYear(2027);
        var leap = relation.InYear(2028);

        Assert.Equal(28, common.Day);
        Assert.Equal(29, leap.Day);
    }

    [Theory]
    [InlineData("2016-09", 2026, "2026-09")]
    [InlineData("2009", 2034, "2034")]
    [InlineData("1992-08-21", 2027, "2027-08-21")]
    public void InYear_KeepsThePrecision(string original, int year, string expected) =>
        Assert.Equal(expected, PartialDate.Parse(original).InYear(year).ToIsoString());

    [Theory]
    [InlineData("2016-09", "2016-09-30", "2016-10-31", true)]
    [InlineData("2016-09", "2016-10-01", "2016-10-31", false)]
    [InlineData("2016-09", "2016-08-01", "2016-09-01", true)]
    [InlineData("2016-09", "2016-08-01", "2016-08-31", false)]
    [InlineData("2024", "2024-12-31", "2025-01-10", true)]
    [InlineData("2024", "2025-01-01", "2025-01-10", false)]
    [InlineData("2023-08-22", "2023-08-22", "2023-08-22", true)]
    [InlineData("2023-08-22", "2023-08-23", "2023-09-22", false)]
    public void Overlaps_IsTrueWhenAnyDayOfThePeriodIsInTheRange(string date, string start, string end, bool expected)
    {
        var range = new DateInterval(PartialDate.Parse(start).FirstDay, PartialDate.Parse(end).FirstDay);

        Assert.Equal(expected, PartialDate.Parse(date).Overlaps(range));
    }

    [Fact]
    public void CompareTo_PutsADayBeforeTheMonthAndYearThatStartWithIt()
    {
        var sorted = new[] { "2024", "2024-01", "2024-01-01", "2023-12-31" }.Select(PartialDate.Parse).Order().Select(d => d.ToIsoString());

        Assert.Equal(["2023-12-31", "2024-01-01", "2024-01", "2024"], sorted);
    }

    private static LocalDate Day(string text) => LocalDatePattern.Iso.Parse(text).Value;
}
