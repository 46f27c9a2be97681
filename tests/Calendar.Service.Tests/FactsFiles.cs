namespace Calendar.Service.Tests;

/// <summary>Small facts files about invented countries (user-assigned codes XA, XB), for tests that need their own facts.</summary>
internal static class FactsFiles
{
    public const string Countries = """
        countries:
          XA: Xanadu
          XB: Brobdingnag
        """;

    public static string Relations(string id = "xa-xb-relations", string date = "1993-06-23", string title = "Relations established") => $"""
        {Countries}
        facts:
          - id: {id}
            kind: relations
            countries: [XA, XB]
            date: {date}
            title: {title}
            sources:
              - title: "[Invented for tests]"
                outlet: Test Gazette
                published: 2023-06-24
        """;
}
