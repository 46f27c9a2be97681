namespace Calendar.Core.Tests;

public class CountryCatalogTests
{
    [Theory]
    [InlineData("KZ", "Kazakhstan")]
    [InlineData("IT", "Italy")]
    [InlineData("TR", "Türkiye")]
    [InlineData("VA", "Holy See")]
    public void Iso_UsesDiplomaticShortNames(string code, string name) =>
        Assert.Equal(name, CountryCatalog.Iso.NameOf(CountryCode.Parse(code)));

    [Theory]
    [InlineData("XA", true)]
    [InlineData("QM", true)]
    [InlineData("ZZ", true)]
    [InlineData("KZ", true)]
    [InlineData("XK", true)]
    [InlineData("QA", true)]
    [InlineData("UK", false)]
    [InlineData("EU", false)]
    public void IsDeclarable_AcceptsIsoAndUserAssignedCodesOnly(string code, bool expected) =>
        Assert.Equal(expected, CountryCatalog.IsDeclarable(CountryCode.Parse(code)));

    [Fact]
    public void With_NamesAUserAssignedCodeAndRenamesAnIsoOne()
    {
        var catalog = CountryCatalog.Iso.With([
            new(CountryCode.Parse("XA"), "Atlantis"),
            new(CountryCode.Parse("KZ"), "Republic of Kazakhstan"),
        ]);

        Assert.Equal("Atlantis", catalog.NameOf(CountryCode.Parse("XA")));
        Assert.Equal("Republic of Kazakhstan", catalog.NameOf(CountryCode.Parse("KZ")));
        Assert.Equal("Kazakhstan", CountryCatalog.Iso.NameOf(CountryCode.Parse("KZ")));
    }

    [Fact]
    public void With_RejectsACodeThatIsNeitherIsoNorUserAssigned() =>
        Assert.Throws<ArgumentException>(() => CountryCatalog.Iso.With([new(CountryCode.Parse("UK"), "Britain")]));

    [Theory]
    [InlineData("KZ", "Kazakhstan")]
    [InlineData("KZ,IT", "Kazakhstan and Italy")]
    [InlineData("KZ,IT,ES", "Kazakhstan, Italy and Spain")]
    public void JoinNames_ReadsAsEnglish(string codes, string expected) =>
        Assert.Equal(expected, CountryCatalog.Iso.JoinNames(codes.Split(',').Select(CountryCode.Parse).ToArray()));

    [Theory]
    [InlineData("kz", "KZ")]
    [InlineData(" KZ", null)]
    [InlineData("K1", null)]
    [InlineData("KAZ", null)]
    public void CountryCode_TryParse_AcceptsTwoLettersInAnyCase(string text, string? expected)
    {
        var parsed = CountryCode.TryParse(text, out var code);

        Assert.Equal(expected is not null, parsed);
        if (expected is not null)
        {
            Assert.Equal(expected, code.Value);
        }
    }
}
