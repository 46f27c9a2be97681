namespace Calendar.Core;

/// <summary>Russian titles by kind, following how the MFA and Kazinform word them («N-летие установления дипломатических отношений между Казахстаном и Италией»).</summary>
/// <remarks>
/// Countries come declined from the table: instrumental after «между … и …» and «с», the place preposition with the
/// accusative for a direction («в Италию», «на Кубу») and genitive where a noun governs it («делегации Италии»).
/// A title the editor gave in Russian wins; a kind whose words the calendar cannot know (an opening: of what?) keeps
/// the editor's English title.
/// </remarks>
internal static class RussianTitles
{
    private static readonly CountryCode Kazakhstan = CountryCode.Parse("KZ");

    public static (string Subject, string Title) Of(Occurrence occurrence, CountryCatalog countries) => Of(occurrence.Fact, occurrence.Ordinal, countries);

    /// <summary>The event itself (<paramref name="ordinal"/> null) or its <paramref name="ordinal"/>th anniversary.</summary>
    public static (string Subject, string Title) Of(Fact fact, int? ordinal, CountryCatalog countries)
    {
        var phrase = Phrase(fact, countries);
        if (ordinal is not { } years)
        {
            var title = fact.TitleIn.Ru ?? phrase?.Event ?? fact.Title;
            return (fact.TitleIn.Ru is null && phrase?.EventSubject is { } subject ? subject : title, title);
        }

        var nth = RussianOrdinals.Anniversary(years);
        if (fact.AnniversaryOfIn.Ru is { } of)
        {
            return Same($"{nth} {of}");
        }

        if (phrase is { } words)
        {
            return (words.AnniversarySubject is { } what ? $"{nth} {what}" : $"{nth} {words.Of}", $"{nth} {words.Of}");
        }

        return Same($"{nth}: {fact.TitleIn.Ru ?? fact.AnniversaryOf ?? fact.Title}");
    }

    /// <summary>The event in the nominative, and the same in the genitive after «N-летие»; null when the kind does not say what happened.</summary>
    private static Words? Phrase(Fact fact, CountryCatalog countries)
    {
        string Between() => "между " + Join(fact.Countries, code => countries.Form(code, "ru_ins"));
        string Of() => Join(fact.Countries, code => countries.Form(code, "ru_gen"));
        var partner = Partner(fact);
        return fact.Kind switch
        {
            FactKind.Relations => new($"Установление дипломатических отношений {Between()}", $"установления дипломатических отношений {Between()}")
            {
                EventSubject = "Установление дипломатических отношений",
                AnniversarySubject = "установления дипломатических отношений",
            },
            FactKind.StrategicPartnership => new($"Стратегическое партнёрство {Between()}", $"стратегического партнёрства {Between()}"),
            FactKind.Consultations when partner is { } other =>
                new($"Политические консультации Казахстана с {countries.Form(other, "ru_ins")}", $"политических консультаций Казахстана с {countries.Form(other, "ru_ins")}"),
            FactKind.Consultations => new($"Политические консультации {Between()}", $"политических консультаций {Between()}"),
            FactKind.Meeting => new($"Встреча представителей {Of()}", $"встречи представителей {Of()}"),
            FactKind.Signing => new($"Подписание соглашения {Between()}", $"подписания соглашения {Between()}"),
            FactKind.AirRoute => new($"Открытие авиасообщения {Between()}", $"открытия авиасообщения {Between()}"),
            FactKind.Visit when partner is { } other && fact.Place?.Country == other =>
                new($"Визит {Direction(other, countries)}", $"визита {Direction(other, countries)}"),
            FactKind.Visit when partner is { } other && fact.Place?.Country == Kazakhstan =>
                new($"Визит делегации {countries.Form(other, "ru_gen")} {Direction(Kazakhstan, countries)}", $"визита делегации {countries.Form(other, "ru_gen")} {Direction(Kazakhstan, countries)}"),
            _ => null,
        };
    }

    /// <summary>«в Италию», «во Францию», «на Кубу»: the table's preposition with the accusative.</summary>
    private static string Direction(CountryCode code, CountryCatalog countries) =>
        $"{countries.FormsOf(code).Form("ru_in") ?? "в"} {countries.Form(code, "ru_acc")}";

    /// <summary>The other country of a fact between Kazakhstan and one partner.</summary>
    private static CountryCode? Partner(Fact fact) =>
        fact.Countries is [var a, var b] && (a == Kazakhstan || b == Kazakhstan) && a != b ? (a == Kazakhstan ? b : a) : null;

    private static string Join(IReadOnlyList<CountryCode> codes, Func<CountryCode, string> form) => codes.Count switch
    {
        0 => "",
        1 => form(codes[0]),
        _ => $"{string.Join(", ", codes.Take(codes.Count - 1).Select(form))} и {form(codes[^1])}",
    };

    private static (string, string) Same(string title) => (title, title);

    private sealed record Words(string Event, string Of)
    {
        public string? EventSubject { get; init; }

        public string? AnniversarySubject { get; init; }
    }
}
