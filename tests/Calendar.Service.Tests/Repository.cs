namespace Calendar.Service.Tests;

/// <summary>Paths in the repository under test, found from the test's own location.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Calendar.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Calendar.sln above {AppContext.BaseDirectory}.");
    }
}
