using System.Xml.Linq;

namespace Calendar.Service.Tests.Deployment;

/// <summary>The image restores from the project files alone: every project the service references must be copied before the restore.</summary>
public class DockerfileProjectsTests
{
    [Fact]
    public void Dockerfile_CopiesEveryProjectTheServiceReferences_BeforeItRestores()
    {
        var service = Path.Combine(Repository.Root, "src", "Calendar.Service", "Calendar.Service.csproj");
        var references = XDocument.Load(service).Descendants("ProjectReference")
            .Select(reference => Path.GetFileName(reference.Attribute("Include")!.Value))
            .ToList();
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "Dockerfile")).Select(line => line.Trim()).ToList();
        var restore = lines.FindIndex(line => line.StartsWith("RUN dotnet restore", StringComparison.Ordinal));

        Assert.Contains("Calendar.Extraction.csproj", references);
        Assert.All(references, project => Assert.Contains(lines.Take(restore), line => line.StartsWith("COPY ", StringComparison.Ordinal) && line.Contains(project, StringComparison.Ordinal)));
    }
}
