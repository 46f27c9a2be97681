using System.Collections.Frozen;

namespace Calendar.Extraction;

/// <summary>A sentence of the text, exactly as written, and where it starts (0-based offset, 1-based line and column).</summary>
public sealed record Evidence(string Sentence, int Offset, int Line, int Column);

/// <summary>Splits a text into sentences, keeping each one's place so that a draft can quote it exactly.</summary>
/// <remarks>
/// A sentence ends at '.', '!' or '?' (and any closing quotes) before a capital, a digit or an opening quote, or at a
/// line break. Abbreviations ("Sept. 14", "St. Pölten", "U.S.") and datelines in capitals ("NUR-SULTAN. KAZINFORM")
/// do not end one: a dateline belongs to the lead sentence it introduces.
/// </remarks>
internal static class Sentences
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "St", "Mr", "Mrs", "Ms", "Dr",
        "No", "Nos", "Gen", "Gov", "Prof", "Inc", "Ltd", "Co", "Jr", "Sr", "vs", "etc", "e.g", "i.e", "U.S", "U.K", "approx",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly char[] Closers = ['"', '\'', '”', '’', '»', ')', ']'];

    public static IReadOnlyList<Evidence> Split(string text)
    {
        var sentences = new List<Evidence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Add(sentences, text, start, i);
                start = i + 1;
            }
            else if (c is '.' or '!' or '?' && EndsSentence(text, start, i, out var end))
            {
                Add(sentences, text, start, end);
                start = end;
                i = end - 1;
            }
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool EndsSentence(string text, int sentenceStart, int period, out int end)
    {
        end = period + 1;
        while (end < text.Length && Array.IndexOf(Closers, text[end]) >= 0)
        {
            end++;
        }

        if (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        var next = end;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        if (next < text.Length && !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || text[next] is '"' or '“' or '«' or '‘' or '\'' or '\n' or '\r'))
        {
            return false;
        }

        if (text[period] != '.')
        {
            return true;
        }

        var wordStart = period;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..period].TrimStart('(', '"', '“', '«');
        var isInitial = word.Length == 1 && char.IsUpper(word[0]);
        // A dateline opens a sentence: "OSCE." at the end of one is an ordinary full stop.
        var isDateline = wordStart - sentenceStart < 30 && word.Length >= 2 && word.Any(char.IsLetter) && word.All(ch => !char.IsLetter(ch) || char.IsUpper(ch)) && !word.Contains('.', StringComparison.Ordinal);
        return !(Abbreviations.Contains(word) || isInitial || isDateline);
    }

    private static void Add(List<Evidence> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end <= start)
        {
            return;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < start; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        sentences.Add(new Evidence(text[start..end], start, line, start - lineStart + 1));
    }
}
