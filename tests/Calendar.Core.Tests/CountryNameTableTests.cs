namespace Calendar.Core.Tests;

/// <summary>The reviewed table is complete: a country the facts can name without a form would print a title with an English name in it.</summary>
public class CountryNameTableTests
{
    [Fact]
    public void EveryIsoCountry_HasEveryRussianAndKazakhForm()
    {
        var missing = CountryCatalog.Iso.Codes
            .Select(code => (code, CountryCatalog.Iso.FormsOf(code).Missing))
            .Where(row => row.Missing.Count > 0)
            .Select(row => $"{row.code}: {string.Join(", ", row.Missing)}")
            .ToList();

        Assert.Empty(missing);
        Assert.Equal(249, CountryCatalog.Iso.Codes.Count());
    }

    [Fact]
    public void TheTable_HasNoCodeThatIsNotIso() =>
        Assert.All(CountryNameTable.Load().Keys, code => Assert.True(CountryCatalog.Iso.Contains(code), $"{code} is in the table but not in ISO 3166-1"));

    [Fact]
    public void AFactsFileCorrection_ReplacesOneFormAndKeepsTheOthers()
    {
        var tr = CountryCode.Parse("TR");
        var catalog = CountryCatalog.Iso.Declare([new CountryDeclaration(tr, null, CountryForms.Of([new("ru_ins", "Тюркийе")]))]);

        Assert.Equal("Тюркийе", catalog.Form(tr, "ru_ins"));
        Assert.Equal("Турции", catalog.Form(tr, "ru_gen"));
        Assert.Equal("Türkiye", catalog.NameOf(tr));
    }

    [Fact]
    public void AUserAssignedCodeWithAnEnglishNameOnly_LacksEveryForm()
    {
        var catalog = CountryCatalog.Iso.With([new KeyValuePair<CountryCode, string>(CountryCode.Parse("XA"), "Atlantis")]);

        Assert.Equal(CountryForms.Columns, catalog.FormsOf(CountryCode.Parse("XA")).Missing);
        Assert.Equal("Atlantis", catalog.Form(CountryCode.Parse("XA"), "ru_ins"));
    }

    [Fact]
    public void AnUnknownColumn_IsRefusedNamingIt() =>
        Assert.Contains("'ru_loc'", Assert.Throws<ArgumentException>(() => CountryForms.Of([new("ru_loc", "x")])).Message, StringComparison.Ordinal);
}
