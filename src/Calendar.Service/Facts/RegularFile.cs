using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Calendar.Service.Facts;

/// <summary>Opens a file for reading only when it is a regular file, without ever blocking.</summary>
/// <remarks>
/// A FIFO named <c>x.yaml</c> looks like any file to .NET (<see cref="FileAttributes.Normal"/>), and
/// open(2) on it waits for a writer that may never come; a symbolic link to <c>/dev/zero</c> never ends.
/// So on Linux the file is opened with <c>O_NONBLOCK</c> (which returns at once for a FIFO and changes
/// nothing for a regular file), and the opened handle, not the name, is asked what it is (statx(2) on the
/// descriptor, so that the file cannot be swapped between the check and the read).
/// </remarks>
internal static partial class RegularFile
{
    // open(2) flags and statx(2) constants: the asm-generic values, the same on x64 and arm64.
    private const int ReadOnlyNonBlocking = 0x800 | 0x100 | 0x80000; // O_NONBLOCK | O_NOCTTY | O_CLOEXEC
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: statx on the descriptor itself
    private const uint TypeAndMode = 0x2; // STATX_MODE (the type is in the same field)
    private const int TypeMask = 0xF000, Regular = 0x8000;

    /// <summary>A handle to read <paramref name="path"/> with, or null and why not.</summary>
    public static SafeFileHandle? Open(string path, out string? problem)
    {
        problem = null;
        if (!OperatingSystem.IsLinux())
        {
            // A developer's machine: the standard open. The service itself runs on Linux (see the Dockerfile).
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }

        var descriptor = OpenFile(path, ReadOnlyNonBlocking);
        if (descriptor < 0)
        {
            problem = $"cannot be opened: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
            return null;
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        if (StatX(descriptor, "", EmptyPath, TypeAndMode, out var status) != 0)
        {
            problem = $"cannot be examined: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
        }
        else if ((status.Mode & TypeMask) != Regular)
        {
            problem = $"is not a regular file but {Kind(status.Mode & TypeMask)}: skipped";
        }

        if (problem is null)
        {
            return handle;
        }

        handle.Dispose();
        return null;
    }

    private static string Kind(int type) => type switch
    {
        0x1000 => "a named pipe (FIFO)",
        0x2000 => "a character device",
        0x4000 => "a directory",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => $"a file of type 0x{type:X4}",
    };

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenFile(string path, int flags);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatX(int directory, string path, int flags, uint mask, out Status status);

    /// <summary>The start of <c>struct statx</c>, whose layout is the same on every architecture; 256 bytes in all.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct Status
    {
        public uint Mask;
        public uint BlockSize;
        public ulong Attributes;
        public uint Links;
        public uint User;
        public uint Group;
        public ushort Mode;
    }
}
