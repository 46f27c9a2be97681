using System.Globalization;
using NodaTime.Text;

namespace Calendar.Core;

/// <summary>The calendar in Russian: countries declined from the reviewed table, months from ICU, plurals by CLDR.</summary>
internal sealed class RussianWording(CountryCatalog countries) : TranslatedWording(countries)
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    // ICU has the nominative («сентябрь») and the genitive («21 сентября») but not the prepositional «в сентябре».
    private static readonly string[] MonthsPrepositional =
        ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"];

    // NodaTime takes the genitive month name when the pattern has a day: «21 августа».
    private static readonly LocalDatePattern Day = LocalDatePattern.Create("d MMMM yyyy 'года'", Russian);
    private static readonly LocalDatePattern DayWithWeekday = LocalDatePattern.Create("dddd, d MMMM yyyy 'года'", Russian);

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Anniversary of"] = "Годовщина события",
        ["Place of the original event"] = "Место исходного события",
        ["Participant"] = "Участник",
        ["Participants"] = "Участники",
        ["Person"] = "Лицо",
        ["Persons"] = "Лица",
        ["Note"] = "Примечание",
        ["How the date was worked out"] = "Как установлена дата",
        ["Date"] = "Дата",
        ["Jubilee"] = "Юбилей",
        ["Status"] = "Статус",
        ["Countries"] = "Страны",
        ["Place"] = "Место",
        ["Source"] = "Источник",
    };

    public override string CalendarName => "Дипломатические годовщины";

    public override string Language => "ru";

    protected override CultureInfo Culture => Russian;

    protected override string Label(string english) => Labels[english];

    protected override string AboutLead => "статья о теме";

    protected override string NominativeColumn => "ru_nom";

    public override string Title(Occurrence occurrence) => RussianTitles.Of(occurrence, Catalog).Title;

    protected override string EventTitle(Fact fact) => RussianTitles.Of(fact, null, Catalog).Title;

    public override string Subject(Occurrence occurrence) => RussianTitles.Of(occurrence, Catalog).Subject;

    public override string DateText(PartialDate partialDate) => partialDate.Precision switch
    {
        DatePrecision.Day => Day.Format(partialDate.FirstDay),
        DatePrecision.Month => $"в {MonthsPrepositional[partialDate.Month!.Value - 1]} {Year(partialDate)} года",
        _ => $"в {Year(partialDate)} году",
    };

    public override string FullDateText(PartialDate partialDate) => partialDate.Precision switch
    {
        DatePrecision.Day => DayWithWeekday.Format(partialDate.FirstDay),
        DatePrecision.Month => $"{Month(partialDate)} {Year(partialDate)} года, число неизвестно",
        _ => $"{Year(partialDate)} год, месяц и число неизвестны",
    };

    public override string Period(PartialDate partialDate) => partialDate.Precision == DatePrecision.Year
        ? $"{Year(partialDate)} год (месяц неизвестен)"
        : SentenceStart($"{Month(partialDate)} {Year(partialDate)}");

    public override string Until(int days) => days switch
    {
        0 => "сегодня",
        1 => "завтра",
        -1 => "вчера",
        < 0 => $"{Plurals.Russian(-days, "день", "дня", "дней")} назад",
        _ => $"через {Plurals.Russian(days, "день", "дня", "дней")}",
    };

    public override string? Status(Occurrence occurrence) => occurrence.Status switch
    {
        FactStatus.Planned => "планируется, не подтверждено",
        FactStatus.Scheduled when occurrence.Ordinal is null => "назначено",
        _ => null,
    };

    public override string? Jubilee(Occurrence occurrence) =>
        occurrence is { IsJubilee: true, Ordinal: { } ordinal } ? $"Юбилей · {RussianOrdinals.Anniversary(ordinal)}" : null;

    public override string Kind(string kind) => kind switch
    {
        Occurrence.AnniversaryKind => "годовщины",
        "relations" => "дипломатические отношения",
        "strategic-partnership" => "стратегическое партнёрство",
        "opening" => "открытия",
        "founding" => "основания",
        "visit" => "визиты",
        "consultations" => "консультации",
        "meeting" => "встречи",
        "signing" => "подписания",
        "air-route" => "авиасообщение",
        "cultural-event" => "культурные события",
        "milestone" => "вехи",
        _ => kind,
    };

    public override string? Selection(OccurrenceFilter filter)
    {
        var parts = new List<string>();
        if (filter.Countries.Count > 0)
        {
            parts.Add(Join(CountryNames(filter), "и"));
        }

        if (filter.Kinds.Count > 0)
        {
            parts.Add(string.Join(", ", KindNames(filter)));
        }

        if (filter.Jubilee is { } jubilee)
        {
            parts.Add(jubilee ? "только юбилеи" : "кроме юбилеев");
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    public override string Describe(OccurrenceFilter filter)
    {
        var what = filter.Kinds.Count > 0 ? Join(KindNames(filter), "и")
            : filter.Jubilee == true ? "юбилейные годовщины"
            : filter.Countries.Count == 0 && filter.Jubilee is null ? "все события и годовщины"
            : "события и годовщины";
        // «с участием» takes the genitive: «с участием Италии или Люксембурга».
        var who = filter.Countries.Count == 0 ? ""
            : $" с участием {Join([.. filter.Countries.Select(code => Catalog.Form(code, "ru_gen")).Order(StringComparer.Ordinal)], "или")}";
        var jubilees = filter.Jubilee switch
        {
            true when filter.Kinds.Count > 0 => ", только юбилеи",
            false => ", кроме юбилеев",
            _ => "",
        };
        return what + who + jubilees;
    }

    private static string Month(PartialDate date) => Russian.DateTimeFormat.MonthNames[date.Month!.Value - 1];

    private static string Year(PartialDate date) => date.Year.ToString(CultureInfo.InvariantCulture);
}
