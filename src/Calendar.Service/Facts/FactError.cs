using System.Globalization;
using System.Text;

namespace Calendar.Service.Facts;

/// <summary>A problem in a facts file, located so that an editor can go straight to it.</summary>
/// <remarks>
/// The file name, field and message quote what the file says, and a file can say anything: a key with a
/// newline in it would print a second, forged error line, and a right-to-left override would reorder the
/// line on screen. <see cref="ToString"/> is the one place that escapes them, so that no caller can forget.
/// </remarks>
internal sealed record FactError(string File, int Line, string Field, string Message)
{
    /// <summary><c>seeds/italy.yaml:12: date: '1992-02-30' is not a date ...</c>, the shape compilers use.</summary>
    public override string ToString() => Line > 0
        ? $"{Escape(File)}:{Line}: {Escape(Field)}: {Escape(Message)}"
        : $"{Escape(File)}: {Escape(Field)}: {Escape(Message)}";

    /// <summary>
    /// Control, format (bidi, zero-width), separator and lone surrogate characters as <c>\n</c>, <c>\t</c>,
    /// <c>\r</c> or <c>\uXXXX</c>; everything else (accents, Cyrillic, emoji) as it is.
    /// </summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }

            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when NeedsEscape(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
}
