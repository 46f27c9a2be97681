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

    /// <summary>Three invented countries: relations of XA with XB and with XC, and a visit planned for May 2027 (month precision) that names all three.</summary>
    public const string Mixed = """
        countries:
          XA: Xanadu
          XB: Brobdingnag
          XC: Lilliput
        facts:
          - id: xa-xb-relations
            kind: relations
            countries: [XA, XB]
            date: 1992-08-21
            title: Relations established
            sources: [{ title: "[Invented]", outlet: Test Gazette, published: 2023-06-24 }]
          - id: xa-xc-relations
            kind: relations
            countries: [XA, XC]
            date: 1996-08-21
            title: Relations established
            sources: [{ title: "[Invented]" }]
          - id: xa-xb-visit
            kind: visit
            countries: [XA, XB, XC]
            date: 2027-05
            derived: Invented on purpose
            status: planned
            place: { city: Xanadu City, country: XB }
            title: A visit
            sources: [{ title: "[Invented]" }]
        """;

    /// <summary>Kazakhstan and Italy: relations (1992-08-21), and an opening whose editor gave Russian and Kazakh titles, both ways the format allows.</summary>
    /// <remarks>Real names, because Russian and Kazakh grammar needs them; the opening and its dates are invented.</remarks>
    public const string KazakhstanItaly = """
        facts:
          - id: kz-it-relations
            kind: relations
            countries: [KZ, IT]
            date: 1992-08-21
            title: Diplomatic relations established between Kazakhstan and Italy
            recurs: true
            sources:
              - title: "[Invented for tests]"
                outlet: Test Gazette
                published: 2022-08-21
          - id: kz-it-centre
            kind: opening
            countries: [KZ, IT]
            date: 2017-09
            place: {country: IT, city: Milan}
            title:
              en: A Kazakh culture centre opens in Milan
              ru: В Милане открыт центр казахской культуры
              kk: Миланда қазақ мәдениеті орталығы ашылды
            anniversary_of: the Kazakh culture centre in Milan
            anniversary_of_ru: открытия центра казахской культуры в Милане
            anniversary_of_kk: Миландағы қазақ мәдениеті орталығының ашылғанына
            recurs: true
            sources:
              - title: "[Invented for tests]"
                outlet: Test Gazette
                published: 2017-09-30
        """;
}
