namespace Calendar.Core.Tests;

/// <summary>The core stays pure: NodaTime and the base class library, nothing that does I/O for it.</summary>
public class CoreDependencyTests
{
    [Fact]
    public void Core_ReferencesOnlyNodaTimeAndTheBaseClassLibrary()
    {
        var references = typeof(Fact).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var others = references.Where(name => name != "NodaTime" && name != "netstandard" && !name.StartsWith("System", StringComparison.Ordinal));

        Assert.Empty(others);
        Assert.Contains("NodaTime", references);
    }
}
