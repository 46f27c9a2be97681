namespace Calendar.Core;

/// <summary>How much of a date the source gives: the day, only the month, or only the year.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
}
