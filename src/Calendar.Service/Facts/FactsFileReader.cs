using System.Text;

namespace Calendar.Service.Facts;

/// <summary>Reads one facts file: a regular file, no bigger than the limit, in UTF-8.</summary>
internal static class FactsFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The file's bytes (for the version hash) and its text, or the error that names it.</summary>
    /// <remarks>
    /// At most <paramref name="limit"/> + 1 bytes are read, whatever size the file claims: a bigger file is
    /// refused with <paramref name="tooLarge"/>.
    /// </remarks>
    public static (byte[]? Bytes, FactsFile? File, FactError? Error) Read(string fullPath, string displayPath, long limit, string tooLarge)
    {
        byte[] bytes;
        try
        {
            using var handle = RegularFile.Open(fullPath, out var problem);
            if (handle is null)
            {
                return (null, null, new FactError(displayPath, 0, "file", problem!));
            }

            bytes = ReadAtMost(handle, limit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null, new FactError(displayPath, 0, "file", $"cannot be read: {e.Message}"));
        }

        if (bytes.Length > limit)
        {
            return (null, null, new FactError(displayPath, 0, "file", tooLarge));
        }

        var start = bytes.AsSpan().StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        try
        {
            return (bytes, new FactsFile(displayPath, StrictUtf8.GetString(bytes, start, bytes.Length - start)), null);
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + e.Index;
            var line = bytes.AsSpan(0, offset).Count((byte)'\n') + 1;
            var invalid = offset < bytes.Length ? $"0x{bytes[offset]:X2}" : "a truncated sequence";
            return (null, null, new FactError(displayPath, line, "encoding", $"not valid UTF-8: byte {invalid} at offset {offset}; save the file as UTF-8"));
        }
    }

    private static byte[] ReadAtMost(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long limit)
    {
        // Sized from what the file says it holds, plus one byte to notice one that grew or lied.
        var buffer = new byte[Math.Min(RandomAccess.GetLength(handle), limit) + 1];
        var total = 0;
        while (true)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
            {
                return buffer[..total];
            }

            total += read;
            if (total == buffer.Length)
            {
                if (total > limit)
                {
                    return buffer;
                }

                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit + 1));
            }
        }
    }
}
