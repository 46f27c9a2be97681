using Microsoft.Extensions.Configuration;

namespace Calendar.Service.Tests.Deployment;

/// <summary>What the service watches on disk: the facts folder, and no configuration file.</summary>
public class ConfigurationWatchTests
{
    [Fact]
    public void NoConfigurationFile_IsWatchedForChanges_SoWritesUnderTheContentRootWakeNoWatcher()
    {
        using var app = new CalendarApplication();

        var files = ((IConfigurationRoot)app.Get<IConfiguration>()).Providers.OfType<FileConfigurationProvider>()
            .Select(provider => provider.Source).Where(source => Path.GetFileName(source.Path)?.StartsWith("appsettings", StringComparison.Ordinal) == true).ToList();

        // The host's default appsettings.json is still read, from the content root, which holds the data folder by default:
        // watched, every write of the database woke a file watcher (3.5% of a reminder run's CPU).
        Assert.Contains(files, source => source.Path == "appsettings.json");
        Assert.All(files, source => Assert.False(source.ReloadOnChange, source.Path));
    }
}
