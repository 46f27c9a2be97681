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

/// <summary>A folder of facts files (<c>*.yaml</c>, <c>*.yml</c>, <c>*.csv</c>, searched recursively).</summary>
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

        var text = new StringBuilder(Directory.GetLastWriteTimeUtc(FullPath).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var file in Files())
        {
            text.Append('|').Append(file.FullName).Append(':').Append(file.Length).Append(':').Append(file.LastWriteTimeUtc.Ticks);
        }

        return text.ToString();
    }

    /// <summary>Reads every facts file; the error says what is wrong with the folder itself.</summary>
    public (IReadOnlyList<FactsFile> Files, FactsVersion Version)? Read(out FactError? error)
    {
        error = null;
        if (!Directory.Exists(FullPath))
        {
            error = new FactError(DisplayPath, 0, "Calendar:FactsPath", "the facts folder does not exist");
            return null;
        }

        var infos = Files().ToList();
        if (infos.Count == 0)
        {
            error = new FactError(DisplayPath, 0, "Calendar:FactsPath", "the facts folder holds no .yaml, .yml or .csv file");
            return null;
        }

        var files = new List<FactsFile>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var info in infos)
        {
            var bytes = File.ReadAllBytes(info.FullName);
            var display = Display(info.FullName);
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(FullPath, info.FullName).Replace('\\', '/') + "\n"));
            hash.AppendData(bytes);
            files.Add(new FactsFile(display, new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF')));
        }

        // Seconds: HTTP dates (Last-Modified) and iCalendar times (DTSTAMP) carry no fractions.
        var lastModified = infos.Select(info => info.LastWriteTimeUtc).Append(Directory.GetLastWriteTimeUtc(FullPath)).Max();
        var version = new FactsVersion(
            Convert.ToHexStringLower(hash.GetHashAndReset())[..16],
            Instant.FromUnixTimeSeconds(new DateTimeOffset(lastModified).ToUnixTimeSeconds()));
        return (files, version);
    }

    private IEnumerable<FileInfo> Files() =>
        new DirectoryInfo(FullPath)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(file => Extensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase))
            .OrderBy(file => file.FullName, StringComparer.Ordinal);

    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
