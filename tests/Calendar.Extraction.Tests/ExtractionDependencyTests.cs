namespace Calendar.Extraction.Tests;

/// <summary>The drafting stays pure and small: Core, NodaTime, the date recognizer and the base class library, nothing of the host's.</summary>
public sealed class ExtractionDependencyTests
{
    [Fact]
    public void Extraction_ReferencesOnlyCoreNodaTimeTheRecognizerAndTheBaseClassLibrary()
    {
        var references = typeof(PressReleaseReader).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        var others = references.Where(name => name is not ("Calendar.Core" or "NodaTime" or "netstandard")
            && !name.StartsWith("System", StringComparison.Ordinal)
            && !name.StartsWith("Microsoft.Recognizers.", StringComparison.Ordinal)).ToList();

        Assert.Empty(others);
        Assert.Contains("Microsoft.Recognizers.Text.DateTime", references);
    }

    [Fact]
    public void Extraction_ExposesOnlyTheReaderTheComparisonAndTheirRecords()
    {
        var exposed = typeof(PressReleaseReader).Assembly.GetExportedTypes().Select(type => type.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["DraftComparison", "DraftFact", "Evidence", "PressRelease", "PressReleaseReader"], exposed);
    }
}
