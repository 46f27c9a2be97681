using System.Globalization;
using System.Text;
using Calendar.Core;
using Calendar.Service.Upcoming;
using static Calendar.Service.Page.CalendarPage;

namespace Calendar.Service.Page;

/// <summary>The events of the page, grouped by month; jubilees stand out.</summary>
internal static class EventList
{
    public static void Write(StringBuilder html, PageModel model)
    {
        html.Append("""<section class="events" aria-label="Upcoming events">""").Append('\n');
        if (model.Events.Count == 0)
        {
            html.Append("""<p class="empty">Nothing in the next twelve months for this selection.</p>""").Append('\n');
        }

        // The events come in calendar order, so each month is one run. What is known only to the year would
        // otherwise head the list (its period starts on 1 January): it follows the dated months instead.
        var dated = model.Events.Where(o => o.Date.Precision != DatePrecision.Year);
        var yearOnly = model.Events.Where(o => o.Date.Precision == DatePrecision.Year);
        foreach (var group in Runs(dated).Concat(Runs(yearOnly)))
        {
            var first = group[0].Date;
            var (id, heading) = first.Precision == DatePrecision.Year
                ? ($"year-{first.Year}", $"Some time in {first.Year} (month not known)")
                : ($"month-{first.FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture)}", first.FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture));
            html.Append($"""<h2 class="month" id="{id}">{E(heading)}</h2>""").Append('\n').Append("""<ol class="month">""").Append('\n');
            foreach (var occurrence in group)
            {
                Event(html, occurrence, model);
            }

            html.Append("</ol>\n");
        }

        html.Append("</section>\n");
    }

    private static IEnumerable<List<Occurrence>> Runs(IEnumerable<Occurrence> events)
    {
        var run = new List<Occurrence>();
        foreach (var occurrence in events)
        {
            if (run.Count > 0 && GroupOf(run[0]) != GroupOf(occurrence))
            {
                yield return run;
                run = [];
            }

            run.Add(occurrence);
        }

        if (run.Count > 0)
        {
            yield return run;
        }

        static (int Year, int Month) GroupOf(Occurrence o) => (o.Date.Year, o.Date.Precision == DatePrecision.Year ? 0 : o.Date.Month!.Value);
    }

    private static void Event(StringBuilder html, Occurrence occurrence, PageModel model)
    {
        var fact = occurrence.Fact;
        var jubilee = occurrence.IsJubilee == true;
        html.Append($"""<li class="event{(jubilee ? " jubilee" : "")}" id="{E(occurrence.Id)}" data-kind="{E(occurrence.Kind)}">""").Append('\n');

        html.Append($"""<p class="when"><time datetime="{E(occurrence.Date.ToIsoString())}">{E(DateText(occurrence.Date))}</time>""");
        // Only a known day can be counted down to.
        if (occurrence.Date.Precision == DatePrecision.Day)
        {
            html.Append($""" <span class="until">{E(Until(occurrence.DaysFrom(model.Today)))}</span>""");
        }

        if (jubilee)
        {
            html.Append($""" <span class="badge jubilee">Jubilee · {E(Ordinals.English(occurrence.Ordinal!.Value))}</span>""");
        }

        if (fact.Status == FactStatus.Planned)
        {
            html.Append(""" <span class="badge tentative">Planned, not confirmed</span>""");
        }
        else if (fact.Status == FactStatus.Scheduled && occurrence.Ordinal is null)
        {
            html.Append(""" <span class="badge scheduled">Scheduled</span>""");
        }

        html.Append("</p>\n");
        html.Append($"""<h3>{E(occurrence.Title)}</h3>""").Append('\n');
        var place = LocationJson.Of(occurrence, model.Countries)?.Label;
        html.Append($"""<p class="countries">{E(string.Join(" – ", occurrence.Countries.Select(model.Countries.NameOf)))}{(place is null ? "" : $" · <span class=\"place\">{E(place)}</span>")}</p>""").Append('\n');
        if (occurrence.Ordinal is not null)
        {
            html.Append($"""<p class="detail">{E($"Anniversary of: {fact.Title}, {fact.Date.ToDisplayString()}")}</p>""").Append('\n');
        }

        Detail(html, "Participants", fact.Participants.Count == 0 ? null : string.Join(", ", fact.Participants));
        Detail(html, "Note", fact.Note);
        Detail(html, "How the date was worked out", fact.Derivation);
        Sources(html, fact.Sources);
        html.Append("</li>\n");
    }

    private static string DateText(PartialDate date) => date.Precision switch
    {
        DatePrecision.Day => date.FirstDay.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{date.ToDisplayString()}, day not known",
        _ => $"{date.ToDisplayString()}, month and day not known",
    };

    private static string Until(int days) => days switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => $"in {days} days",
    };

    private static void Detail(StringBuilder html, string label, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            html.Append($"""<p class="detail"><span class="label">{E(label)}:</span> {E(text.Trim())}</p>""").Append('\n');
        }
    }

    private static void Sources(StringBuilder html, IReadOnlyList<Source> sources)
    {
        html.Append("""<ul class="sources">""");
        foreach (var source in sources)
        {
            // The citation ends with the title ("Kazinform, 2023-06-24: [title]"): the title becomes the link.
            var by = source.Citation[..^source.Title.Length];
            var title = source.Url is null ? E(source.Title) : $"""<a href="{E(source.Url.AbsoluteUri)}" rel="noopener">{E(source.Title)}</a>""";
            html.Append($"<li>{E(by)}{title}</li>");
        }

        html.Append("</ul>\n");
    }
}
