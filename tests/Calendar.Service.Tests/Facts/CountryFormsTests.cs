using Calendar.Core;
using Calendar.Service.Facts;

namespace Calendar.Service.Tests.Facts;

/// <summary>Every country the facts can name has every Russian and Kazakh form, from the table or from a facts file that corrects it.</summary>
public class CountryFormsTests
{
    [Fact]
    public void EveryCountryTheSeedsName_HasEveryForm()
    {
        var files = Directory.GetFiles(Repository.Seeds).Order(StringComparer.Ordinal)
            .Select(path => new FactsFile(Path.GetFileName(path), File.ReadAllText(path))).ToList();
        var facts = FactsParser.Parse(files).Facts!;
        var named = facts.Facts.SelectMany(fact => fact.Countries.Concat(fact.Place is { } place ? [place.Country] : [])).Distinct();

        var missing = named.Where(code => facts.Countries.FormsOf(code).Missing.Count > 0).Select(code => code.Value).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void EverySeedFactWhoseKindTheCalendarCannotWord_HasARussianAndAKazakhTitle_AndARecurringOneItsAnniversaryWording()
    {
        var files = Directory.GetFiles(Repository.Seeds, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new FactsFile(Path.GetFileName(path), File.ReadAllText(path))).ToList();
        FactKind[] ownTitle = [FactKind.Opening, FactKind.Founding, FactKind.CulturalEvent, FactKind.Milestone];
        var facts = FactsParser.Parse(files).Facts!.Facts.Where(fact => ownTitle.Contains(fact.Kind)).ToList();

        var untranslated = facts
            .Where(fact => fact.TitleIn.Ru is null || fact.TitleIn.Kk is null || (fact.Recurs && (fact.AnniversaryOfIn.Ru is null || fact.AnniversaryOfIn.Kk is null)))
            .Select(fact => fact.Id).ToList();

        Assert.Equal(8, facts.Count);
        Assert.Empty(untranslated);
    }

    [Fact]
    public void AFactsFile_CorrectsAFormOfAnIsoCountry_AndDeclaresAllFormsOfItsOwn()
    {
        var yaml = """
            countries:
              TR:
                ru_nom: Тюркийе
                ru_ins: Тюркийе
              XA:
                en: Atlantis
                ru_nom: Атлантида
                ru_gen: Атлантиды
                ru_dat: Атлантиде
                ru_acc: Атлантиду
                ru_ins: Атлантидой
                ru_pre: Атлантиде
                ru_in: в
                kk_nom: Атлантида
                kk_gen: Атлантиданың
                kk_dat: Атлантидаға
                kk_acc: Атлантиданы
                kk_loc: Атлантидада
                kk_abl: Атлантидадан
                kk_ins: Атлантидамен
            facts:
              - id: kz-tr-relations
                kind: relations
                countries: [KZ, TR]
                date: 1992-03-02
                title: Relations
                sources: [{title: "[Invented for tests]"}]
            """;

        var result = FactsParser.Parse([new FactsFile("a.yaml", yaml)]);

        Assert.Empty(result.Errors);
        var countries = result.Facts!.Countries;
        Assert.Equal("Тюркийе", countries.Form(CountryCode.Parse("TR"), "ru_ins"));
        Assert.Equal("Турции", countries.Form(CountryCode.Parse("TR"), "ru_gen"));
        Assert.Empty(countries.FormsOf(CountryCode.Parse("XA")).Missing);
        Assert.Equal("Atlantis", countries.NameOf(CountryCode.Parse("XA")));
    }

    [Fact]
    public void AnUnknownFormInAFactsFile_IsAnErrorOnItsLine()
    {
        var yaml = "countries:\n  TR:\n    ru_loc: Тюркийе\n" + FactsFiles.Relations()[FactsFiles.Countries.Length..].Replace("facts:", "facts:", StringComparison.Ordinal);

        var errors = FactsParser.Parse([new FactsFile("a.yaml", yaml)]).Errors.Select(e => e.ToString());

        Assert.Contains("a.yaml:3: countries.TR.ru_loc: unknown field (expected one of: en, ru_nom, ru_gen, ru_dat, ru_acc, ru_ins, ru_pre, ru_in, kk_nom, kk_gen, kk_dat, kk_acc, kk_loc, kk_abl, kk_ins)", errors);
    }
}
