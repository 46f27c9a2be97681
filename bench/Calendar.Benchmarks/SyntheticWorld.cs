using System.Diagnostics;
using Calendar.Core;
using Calendar.Service.Facts;
using Calendar.Service.Timeline;
using NodaTime;

namespace Calendar.Benchmarks;

/// <summary>The end-to-end benchmark's SYNTHETIC world (bench/world/generate.py: 18,528 relations of 193 renamed states), loaded as the service loads it.</summary>
internal sealed class SyntheticWorld : IDisposable
{
    public static readonly LocalDate Today = new(2026, 11, 24);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "calendar-world-" + Guid.NewGuid().ToString("N")[..8]);

    public SyntheticWorld()
    {
        using var generate = Process.Start("python3", [Path.Combine(RepositoryRoot(), "bench/world/generate.py"), _folder]);
        generate.WaitForExit();
        var load = FactsLoader.Load(new FactsFolder(_folder), TimeSpan.FromMinutes(5));
        Facts = load.Facts ?? throw new InvalidOperationException(string.Join('\n', load.Errors));
        Snapshot = new CalendarSnapshot(Facts, load.Version!, Today, JubileeRule.Default, horizonYears: 5);
    }

    public FactSet Facts { get; }

    public CalendarSnapshot Snapshot { get; }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Calendar.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from the repository (Calendar.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
