using Calendar.Core;
using NodaTime;

namespace Calendar.Extraction.Tests;

/// <summary>Whether a draft repeats or contradicts a loaded fact. Invented countries (XA, XB): no historical claim.</summary>
public sealed class DraftComparisonTests
{
    [Theory]
    [InlineData(FactKind.Relations, "1992", "1992-08-21", "xa-xb-loaded", null)]
    [InlineData(FactKind.Relations, "1993-06-23", "1992-08-21", null, "xa-xb-loaded")]
    [InlineData(FactKind.Visit, "2023-08", "2023-08-22", "xa-xb-loaded", null)]
    [InlineData(FactKind.Visit, "2024", "2023-08-22", null, null)]
    [InlineData(FactKind.Signing, "2023-08-22", "2023-08-22", "xa-xb-loaded", null)]
    public void Compare_SameKindAndCountries_RepeatsWhenTheDatesAgree_AndContradictsWhenAOnceOnlyFactDiffers(
        FactKind kind, string draftDate, string loadedDate, string? sameAs, string? conflictsWith)
    {
        var draft = new DraftFact(Fact("xa-xb-draft", kind, draftDate), new Evidence("…", 0, 1, 1));

        var compared = DraftComparison.Compare(draft, [Fact("xa-xb-loaded", kind, loadedDate), Fact("xa-xc-loaded", kind, draftDate, other: "XC")]);

        Assert.Equal((sameAs, conflictsWith), (compared.SameAs, compared.ConflictsWith));
    }

    private static Fact Fact(string id, FactKind kind, string date, string other = "XB") => new()
    {
        Id = id,
        Kind = kind,
        Countries = [CountryCode.Parse("XA"), CountryCode.Parse(other)],
        Date = PartialDate.Parse(date),
        Title = "[Invented]",
        Sources = [new Source("[Invented]", "Test Gazette", new LocalDate(2023, 6, 24), null)],
    };
}
