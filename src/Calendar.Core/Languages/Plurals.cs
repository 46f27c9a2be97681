using System.Globalization;

namespace Calendar.Core;

/// <summary>CLDR plural categories for whole numbers, and numbers with their noun in Russian and Kazakh.</summary>
public static class Plurals
{
    /// <summary>CLDR's Russian rule for integers: one (1, 21, 101), few (2-4, 22-24), many (0, 5-20, 25-30, 111).</summary>
    public static string RussianCategory(int number)
    {
        var n = Math.Abs((long)number);
        return (n % 10, n % 100) switch
        {
            (1, not 11) => "one",
            (>= 2 and <= 4, not (>= 12 and <= 14)) => "few",
            _ => "many",
        };
    }

    /// <summary>"1 день", "2 дня", "5 дней": the number and the form of the noun its category takes.</summary>
    public static string Russian(int number, string one, string few, string many) =>
        $"{number.ToString(CultureInfo.InvariantCulture)} {RussianCategory(number) switch { "one" => one, "few" => few, _ => many }}";
}

/// <summary>Ordinal numbers and anniversaries, written with digits as the press writes them.</summary>
public static class RussianOrdinals
{
    /// <summary>The masculine ordinal in digits: "1-й", "35-й" (Russian writes one ending, -й, after any digit in this form).</summary>
    public static string Masculine(int number) => $"{number.ToString(CultureInfo.InvariantCulture)}-й";

    /// <summary>"35-летие", "100-летие"; the first is a «годовщина» («1-летие» is not Russian).</summary>
    public static string Anniversary(int years) =>
        years == 1 ? "1-я годовщина" : $"{years.ToString(CultureInfo.InvariantCulture)}-летие";

    /// <summary><see cref="Anniversary"/> in the genitive, for «юбилей …» and headings: "35-летия", "1-й годовщины".</summary>
    public static string AnniversaryGenitive(int years) =>
        years == 1 ? "1-й годовщины" : $"{years.ToString(CultureInfo.InvariantCulture)}-летия";
}

/// <summary>Kazakh ordinals with digits: "1-ші", "6-шы", "35-ші", "100-ші", the vowel following the last number word read aloud.</summary>
public static class KazakhOrdinals
{
    // бір екі үш төрт бес алты жеті сегіз тоғыз: алты and тоғыз are back-vowel words.
    private static readonly bool[] UnitIsBack = [false, false, false, false, false, false, true, false, false, true];

    // он жиырма отыз қырық елу алпыс жетпіс сексен тоқсан: елу, жетпіс and сексен are front-vowel words.
    private static readonly bool[] TenIsBack = [false, true, true, true, true, false, true, false, false, true];

    public static string Ordinal(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        var back = (number % 10, number / 10 % 10, number / 100 % 10) switch
        {
            (var unit, _, _) when unit > 0 => UnitIsBack[unit],
            (_, var ten, _) when ten > 0 => TenIsBack[ten],
            (_, _, var hundred) when hundred > 0 => false, // жүз
            _ => true, // мың
        };
        return $"{number.ToString(CultureInfo.InvariantCulture)}-{(back ? "шы" : "ші")}";
    }

    /// <summary>"35 жыл", as in «… орнағанына 35 жыл».</summary>
    public static string Years(int years) => $"{years.ToString(CultureInfo.InvariantCulture)} жыл";

    /// <summary>"35 жылдығы", as in «… келісімнің 35 жылдығы».</summary>
    public static string Anniversary(int years) => $"{years.ToString(CultureInfo.InvariantCulture)} жылдығы";
}
