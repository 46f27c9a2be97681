namespace Calendar.Service.Tests;

/// <summary>A folder of its own for one test (facts or data), deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string? copyFrom = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "calendar-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        if (copyFrom is not null)
        {
            foreach (var file in Directory.EnumerateFiles(copyFrom, "*", SearchOption.AllDirectories))
            {
                var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(copyFrom, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    public string Path { get; }

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping host: the temp folder is cleaned by the OS eventually.
        }
    }
}
