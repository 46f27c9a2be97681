using System.Globalization;
using NodaTime.Text;

namespace Calendar.Core;

/// <summary>The calendar in Kazakh: «2027 жылғы 21 тамыз», months from ICU, countries from the reviewed table.</summary>
internal sealed class KazakhWording(CountryCatalog countries) : TranslatedWording(countries)
{
    private static readonly CultureInfo Kazakh = CultureInfo.GetCultureInfo("kk-KZ");

    private static readonly LocalDatePattern Day = LocalDatePattern.Create("yyyy 'жылғы' d MMMM", Kazakh);
    private static readonly LocalDatePattern DayWithWeekday = LocalDatePattern.Create("yyyy 'жылғы' d MMMM, dddd", Kazakh);

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Anniversary of"] = "Мерейтой себебі",
        ["Place of the original event"] = "Бастапқы оқиғаның орны",
        ["Participant"] = "Қатысушы",
        ["Participants"] = "Қатысушылар",
        ["Person"] = "Тұлға",
        ["Persons"] = "Тұлғалар",
        ["Note"] = "Ескертпе",
        ["How the date was worked out"] = "Күні қалай анықталды",
        ["Date"] = "Күні",
        ["Jubilee"] = "Мерейтой",
        ["Status"] = "Мәртебесі",
        ["Countries"] = "Елдер",
        ["Place"] = "Орны",
        ["Source"] = "Дереккөз",
    };

    public override string CalendarName => "Дипломатиялық мерейтойлар";

    public override string Language => "kk";

    protected override CultureInfo Culture => Kazakh;

    protected override string Label(string english) => Labels[english];

    protected override string AboutLead => "мақала тақырыбы";

    protected override string NominativeColumn => "kk_nom";

    public override string Title(Occurrence occurrence) => KazakhTitles.Of(occurrence, Catalog).Title;

    protected override string EventTitle(Fact fact) => KazakhTitles.Of(fact, null, Catalog).Title;

    public override string Subject(Occurrence occurrence) => KazakhTitles.Of(occurrence, Catalog).Subject;

    public override string DateText(PartialDate partialDate) => partialDate.Precision switch
    {
        DatePrecision.Day => Day.Format(partialDate.FirstDay),
        DatePrecision.Month => $"{Year(partialDate)} жылғы {Month(partialDate)}",
        _ => $"{Year(partialDate)} жылы",
    };

    public override string FullDateText(PartialDate partialDate) => partialDate.Precision switch
    {
        DatePrecision.Day => DayWithWeekday.Format(partialDate.FirstDay),
        DatePrecision.Month => $"{Year(partialDate)} жылғы {Month(partialDate)}, күні белгісіз",
        _ => $"{Year(partialDate)} жыл, айы мен күні белгісіз",
    };

    public override string Period(PartialDate partialDate) => partialDate.Precision == DatePrecision.Year
        ? $"{Year(partialDate)} жыл (айы белгісіз)"
        : $"{Year(partialDate)} жылғы {Month(partialDate)}";

    // Kazakh nouns do not change after a numeral («1 күн», «7 күн»): CLDR's kk one/other does not touch the noun.
    public override string Until(int days) => days switch
    {
        0 => "бүгін",
        1 => "ертең",
        -1 => "кеше",
        < 0 => $"{(-days).ToString(CultureInfo.InvariantCulture)} күн бұрын",
        _ => $"{days.ToString(CultureInfo.InvariantCulture)} күннен кейін",
    };

    public override string? Status(Occurrence occurrence) => occurrence.Status switch
    {
        FactStatus.Planned => "жоспарланған, расталмаған",
        FactStatus.Scheduled when occurrence.Ordinal is null => "белгіленген",
        _ => null,
    };

    public override string? Jubilee(Occurrence occurrence) =>
        occurrence is { IsJubilee: true, Ordinal: { } ordinal } ? $"Мерейтой · {KazakhOrdinals.Years(ordinal)}" : null;

    public override string Kind(string kind) => kind switch
    {
        Occurrence.AnniversaryKind => "мерейтойлар",
        "relations" => "дипломатиялық қатынастар",
        "strategic-partnership" => "стратегиялық әріптестік",
        "opening" => "ашылулар",
        "founding" => "құрылулар",
        "visit" => "сапарлар",
        "consultations" => "консультациялар",
        "meeting" => "кездесулер",
        "signing" => "қол қою рәсімдері",
        "air-route" => "әуе қатынасы",
        "cultural-event" => "мәдени іс-шаралар",
        "milestone" => "маңызды кезеңдер",
        _ => kind,
    };

    public override string? Selection(OccurrenceFilter filter)
    {
        var parts = new List<string>();
        if (filter.Countries.Count > 0)
        {
            parts.Add(Join(CountryNames(filter), "және"));
        }

        if (filter.Kinds.Count > 0)
        {
            parts.Add(string.Join(", ", KindNames(filter)));
        }

        if (filter.Jubilee is { } jubilee)
        {
            parts.Add(jubilee ? "тек мерейтойлар" : "мерейтойлардан басқа");
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    public override string Describe(OccurrenceFilter filter)
    {
        var what = filter.Kinds.Count > 0 ? Join(KindNames(filter), "және")
            : filter.Jubilee == true ? "мерейтойлық даталар"
            : filter.Countries.Count == 0 && filter.Jubilee is null ? "барлық оқиғалар мен мерейтойлар"
            : "оқиғалар мен мерейтойлар";
        // The participle comes before the noun it describes: «Италия немесе Люксембург қатысатын сапарлар».
        var who = filter.Countries.Count == 0 ? "" : $"{Join(CountryNames(filter), "немесе")} қатысатын ";
        var jubilees = filter.Jubilee switch
        {
            true when filter.Kinds.Count > 0 => ", тек мерейтойлар",
            false => ", мерейтойлардан басқа",
            _ => "",
        };
        return who + what + jubilees;
    }

    // ICU capitalises Kazakh stand-alone month names («Қыркүйек»); inside a date they are lower case.
    private static string Month(PartialDate date) => Kazakh.DateTimeFormat.MonthNames[date.Month!.Value - 1].ToLower(Kazakh);

    private static string Year(PartialDate date) => date.Year.ToString(CultureInfo.InvariantCulture);
}
