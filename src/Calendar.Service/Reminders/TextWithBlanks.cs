using System.Text;

namespace Calendar.Service.Reminders;

/// <summary>A text rendered once for many recipients: its UTF-8 bytes, cut where each recipient's own values go.</summary>
/// <remarks>
/// Filling it copies the pieces and encodes only the values, instead of searching and re-encoding the whole text
/// for every recipient (a digest's HTML is about 8 KB, its recipient's values a few dozen bytes).
/// </remarks>
internal sealed class TextWithBlanks
{
    private readonly byte[][] _pieces;
    private readonly int[] _blanks;
    private readonly int _piecesLength;

    private TextWithBlanks(byte[][] pieces, int[] blanks)
    {
        _pieces = pieces;
        _blanks = blanks;
        _piecesLength = pieces.Sum(piece => piece.Length);
    }

    /// <summary>Cuts <paramref name="text"/> at every occurrence of each of <paramref name="blanks"/> (stand-ins no two of which overlap).</summary>
    public static TextWithBlanks Cut(string text, params string[] blanks)
    {
        var pieces = new List<byte[]>();
        var order = new List<int>();
        var start = 0;
        while (true)
        {
            var (at, blank) = (-1, -1);
            for (var i = 0; i < blanks.Length; i++)
            {
                var found = text.IndexOf(blanks[i], start, StringComparison.Ordinal);
                if (found >= 0 && (at < 0 || found < at))
                {
                    (at, blank) = (found, i);
                }
            }

            if (at < 0)
            {
                pieces.Add(Encoding.UTF8.GetBytes(text[start..]));
                return new TextWithBlanks([.. pieces], [.. order]);
            }

            pieces.Add(Encoding.UTF8.GetBytes(text[start..at]));
            order.Add(blank);
            start = at + blanks[blank].Length;
        }
    }

    /// <summary>The text's UTF-8 bytes with <paramref name="values"/> (in the order of the stand-ins given to <see cref="Cut"/>) in place of the stand-ins.</summary>
    public byte[] Fill(params string[] values)
    {
        var length = _piecesLength;
        foreach (var blank in _blanks)
        {
            length += Encoding.UTF8.GetByteCount(values[blank]);
        }

        var bytes = new byte[length];
        var span = bytes.AsSpan();
        for (var i = 0; i < _pieces.Length; i++)
        {
            _pieces[i].CopyTo(span);
            span = span[_pieces[i].Length..];
            if (i < _blanks.Length)
            {
                span = span[Encoding.UTF8.GetBytes(values[_blanks[i]], span)..];
            }
        }

        return bytes;
    }
}
