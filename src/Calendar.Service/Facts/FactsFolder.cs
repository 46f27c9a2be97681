using System.Globalization;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Calendar.Service.Facts;

/// <summary>Which facts were loaded: a hash of the files' contents, and when they last changed.</summary>
/// <remarks>
/// <see cref="LastModified"/> comes from the files themselves, not from when they were read, so that it
/// is the same across restarts: feeds and caches key on it.
/// </remarks>
internal sealed record FactsVersion(string Hash, Instant LastModified);

/// <summary>The files of a facts folder that could be read, and what is wrong with the others or the folder.</summary>
internal sealed record FactsFolderContents(IReadOnlyList<FactsFile> Files, FactsVersion? Version, IReadOnlyList<FactError> Errors);

/// <summary>A folder of facts files (<c>*.yaml</c>, <c>*.yml</c>, <c>*.csv</c>, searched recursively).</summary>
/// <remarks>
/// Subfolders are searched, but not through symbolic links to folders (a link to <c>..</c> would list the
/// files again forever); links to files are followed. Hidden files and folders (<c>.git</c>) are skipped.
/// </remarks>
internal sealed class FactsFolder
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".csv"];

    public FactsFolder(string path) => FullPath = Path.GetFullPath(path);

    public string FullPath { get; }

    /// <summary>The folder as the user would type it: relative to the working directory when it is inside it.</summary>
    public string DisplayPath => Display(FullPath);

    /// <summary>Cheap to compute (names, sizes, times): when it has not changed, nothing needs reading.</summary>
    public string Fingerprint()
    {
        if (!Directory.Exists(FullPath))
        {
            return "missing";
        }

        var text = new StringBuilder(Directory.GetLastWriteTimeUtc(FullPath).Ticks.ToString(CultureInfo.InvariantCulture));
        var (files, tooMany) = List();
        foreach (var file in files)
        {
            // A dangling link or a file removed since the listing: its absence is part of the fingerprint.
            text.Append('|').Append(file.FullName).Append(':').Append(file.Exists ? $"{file.Length}:{file.LastWriteTimeUtc.Ticks}" : "gone");
        }

        return text.Append(tooMany ?? "").ToString();
    }

    /// <summary>Reads every facts file it may: the ones that cannot be read are errors naming them.</summary>
    public FactsFolderContents Read(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(FullPath))
        {
            return Failed("the facts folder does not exist");
        }

        var (infos, tooMany) = List();
        if (tooMany is not null)
        {
            return Failed(tooMany);
        }

        if (infos.Count == 0)
        {
            return Failed("the facts folder holds no .yaml, .yml or .csv file");
        }

        var files = new List<FactsFile>();
        var errors = new List<FactError>();
        var total = 0L;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var info in infos)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var display = Display(info.FullName);
            var left = FactsLimits.MaxTotalBytes - total;
            var (bytes, file, error) = left < FactsLimits.MaxFileBytes
                ? FactsFileReader.Read(info.FullName, display, left, $"takes the facts folder over {Megabytes(FactsLimits.MaxTotalBytes)} in all: skipped")
                : FactsFileReader.Read(info.FullName, display, FactsLimits.MaxFileBytes, $"is larger than {Megabytes(FactsLimits.MaxFileBytes)}: skipped (a facts file holds a few kilobytes)");
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }

            total += bytes!.Length;
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(FullPath, info.FullName).Replace('\\', '/') + "\n"));
            hash.AppendData(bytes);
            files.Add(file!);
        }

        // Seconds: HTTP dates (Last-Modified) and iCalendar times (DTSTAMP) carry no fractions.
        var lastModified = infos.Where(info => info.Exists).Select(info => info.LastWriteTimeUtc).Append(Directory.GetLastWriteTimeUtc(FullPath)).Max();
        var version = new FactsVersion(
            Convert.ToHexStringLower(hash.GetHashAndReset())[..16],
            Instant.FromUnixTimeSeconds(new DateTimeOffset(lastModified).ToUnixTimeSeconds()));
        return new FactsFolderContents(files, version, errors);
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024 * 1024)} MB";

    private FactsFolderContents Failed(string message) => new([], null, [new FactError(DisplayPath, 0, "Calendar:FactsPath", message)]);

    /// <summary>The facts files in path order, or what makes the folder too big to list.</summary>
    private (List<FileInfo> Files, string? TooMany) List()
    {
        var entries = new FileSystemEnumerable<FileSystemInfo>(
            FullPath,
            (ref FileSystemEntry entry) => entry.ToFileSystemInfo(),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

        var files = new List<FileInfo>();
        var seen = 0;
        foreach (var entry in entries)
        {
            if (++seen > FactsLimits.MaxEntries)
            {
                return (files, $"the facts folder holds more than {FactsLimits.MaxEntries} files and folders: point Calendar:FactsPath at the facts alone");
            }

            if (entry is FileInfo file && Extensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase))
            {
                files.Add(file);
                if (files.Count > FactsLimits.MaxFiles)
                {
                    return (files, $"the facts folder holds more than {FactsLimits.MaxFiles} facts files");
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return (files, null);
    }

    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
