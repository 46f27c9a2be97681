namespace Calendar.Core.Tests;

/// <summary>Invented facts between the user-assigned codes XA and XB: never readable as history.</summary>
internal static class TestFacts
{
    public static readonly CountryCode XA = CountryCode.Parse("XA");
    public static readonly CountryCode XB = CountryCode.Parse("XB");
    public static readonly CountryCode XC = CountryCode.Parse("XC");

    public static readonly CountryCatalog Countries = CountryCatalog.Iso.With([new(XA, "Xanadu"), new(XB, "Brobdingnag"), new(XC, "Lilliput")]);

    public static Fact Relations(string date, CountryCode? partner = null) => new()
    {
        Id = $"xa-{(partner ?? XB).Value.ToLowerInvariant()}-relations",
        Kind = FactKind.Relations,
        Countries = [XA, partner ?? XB],
        Date = PartialDate.Parse(date),
        Title = "Diplomatic relations established",
        Recurs = true,
        Sources = [Source],
    };

    public static Fact Event(string id, FactKind kind, string date, string title = "An event", FactStatus status = FactStatus.Occurred) => new()
    {
        Id = id,
        Kind = kind,
        Countries = [XA, XB],
        Date = PartialDate.Parse(date),
        Title = title,
        Status = status,
        Recurs = false,
        Sources = [Source],
    };

    public static OccurrenceTimeline Timeline(params Fact[] facts) => new(new FactSet(facts, Countries), JubileeRule.Default);

    private static readonly Source Source = new("[Invented for tests]", "Test Gazette", null, null);
}
