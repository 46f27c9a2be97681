using System.Globalization;

namespace Calendar.Core;

/// <summary>English ordinals: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th.</summary>
public static class Ordinals
{
    public static string English(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
