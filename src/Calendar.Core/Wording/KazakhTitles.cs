namespace Calendar.Core;

/// <summary>Kazakh titles by kind, as Kazinform and BAQ word them («Қазақстан мен Италия арасындағы дипломатиялық қатынастардың орнағанына 35 жыл»).</summary>
/// <remarks>
/// The partner stays in the nominative after «Қазақстан мен»; «мен/бен/пен» follows the last sound of the name before it
/// (the table's instrumental ends in it). A direction takes the dative («Италияға сапар»). A title the editor gave in
/// Kazakh wins; a kind whose words the calendar cannot know keeps the editor's English title.
/// </remarks>
internal static class KazakhTitles
{
    private static readonly CountryCode Kazakhstan = CountryCode.Parse("KZ");

    public static (string Subject, string Title) Of(Occurrence occurrence, CountryCatalog countries) => Of(occurrence.Fact, occurrence.Ordinal, countries);

    /// <summary>The event itself (<paramref name="ordinal"/> null) or its <paramref name="ordinal"/>th anniversary.</summary>
    public static (string Subject, string Title) Of(Fact fact, int? ordinal, CountryCatalog countries)
    {
        var phrase = Phrase(fact, countries);
        if (ordinal is not { } years)
        {
            var title = fact.TitleIn.Kk ?? phrase?.Event ?? fact.Title;
            return (fact.TitleIn.Kk is null && phrase?.EventSubject is { } subject ? subject : title, title);
        }

        var nYears = KazakhOrdinals.Years(years);
        if (fact.AnniversaryOfIn.Kk is { } of)
        {
            return Same($"{of} {nYears}");
        }

        if (phrase is { } words)
        {
            return (words.AnniversarySubject is { } what ? $"{what} {nYears}" : $"{words.To} {nYears}", $"{words.To} {nYears}");
        }

        return Same($"{fact.TitleIn.Kk ?? fact.AnniversaryOf ?? fact.Title}: {nYears}");
    }

    /// <summary>The event as a title, and the phrase «N жыл» follows (in the dative: «… орнағанына»); null when the kind does not say what happened.</summary>
    private static Words? Phrase(Fact fact, CountryCatalog countries)
    {
        var and = Joined(fact.Countries, countries);
        var partner = Partner(fact);
        return fact.Kind switch
        {
            FactKind.Relations => new($"{and} арасында дипломатиялық қатынастар орнатылды", $"{and} арасындағы дипломатиялық қатынастардың орнағанына")
            {
                EventSubject = "Дипломатиялық қатынастар орнатылды",
                AnniversarySubject = "Дипломатиялық қатынастардың орнағанына",
            },
            FactKind.StrategicPartnership => new($"{and} арасындағы стратегиялық әріптестік", $"{and} арасындағы стратегиялық әріптестікке"),
            FactKind.Consultations => new($"{and} арасындағы саяси консультациялар", $"{and} арасындағы саяси консультацияларға"),
            FactKind.Meeting => new($"{and} өкілдерінің кездесуі", $"{and} өкілдерінің кездесуіне"),
            FactKind.Signing => new($"{and} арасындағы келісімге қол қойылды", $"{and} арасындағы келісімге қол қойылғанына"),
            FactKind.AirRoute => new($"{and} арасында әуе қатынасы ашылды", $"{and} арасындағы әуе қатынасының ашылғанына"),
            FactKind.Visit when partner is { } other && fact.Place?.Country == other =>
                new($"Қазақстан делегациясының {countries.Form(other, "kk_dat")} сапары", $"Қазақстан делегациясының {countries.Form(other, "kk_dat")} сапарына"),
            FactKind.Visit when partner is { } other && fact.Place?.Country == Kazakhstan =>
                new($"{countries.Form(other, "kk_nom")} делегациясының Қазақстанға сапары", $"{countries.Form(other, "kk_nom")} делегациясының Қазақстанға сапарына"),
            _ => null,
        };
    }

    /// <summary>«Қазақстан мен Италия», «Белиз бен Қазақстан»; three or more: «Қазақстан, Италия және Испания».</summary>
    internal static string Joined(IReadOnlyList<CountryCode> codes, CountryCatalog countries)
    {
        string Name(CountryCode code) => countries.Form(code, "kk_nom");
        return codes.Count switch
        {
            0 => "",
            1 => Name(codes[0]),
            2 => $"{Name(codes[0])} {Conjunction(codes[0], countries)} {Name(codes[1])}",
            _ => $"{string.Join(", ", codes.Take(codes.Count - 1).Select(Name))} және {Name(codes[^1])}",
        };
    }

    /// <summary>«мен», «бен» or «пен»: the instrumental ending the table gives the name, which the conjunction repeats.</summary>
    private static string Conjunction(CountryCode code, CountryCatalog countries) =>
        countries.FormsOf(code).Form("kk_ins") is { Length: > 3 } instrumental && instrumental[^3..] is "мен" or "бен" or "пен" ? instrumental[^3..] : "мен";

    private static CountryCode? Partner(Fact fact) =>
        fact.Countries is [var a, var b] && (a == Kazakhstan || b == Kazakhstan) && a != b ? (a == Kazakhstan ? b : a) : null;

    private static (string, string) Same(string title) => (title, title);

    private sealed record Words(string Event, string To)
    {
        public string? EventSubject { get; init; }

        public string? AnniversarySubject { get; init; }
    }
}
