using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Calendar.Core;
using NodaTime.Text;

namespace Calendar.Service.Page;

/// <summary>Writes the page: plain HTML and CSS, no script, readable on a phone.</summary>
/// <remarks>
/// Every text from the facts and the query goes through <see cref="HtmlEncoder"/>; letters of every script are
/// kept as they are (Cyrillic and Kazakh stay readable in the source), markup characters are always encoded.
/// </remarks>
internal static class CalendarPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Encodes text for an element's content or a quoted attribute value.</summary>
    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static string Render(PageModel model)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(model.CalendarName)}</title>
            <link rel="alternate" type="text/calendar" title="{E(model.CalendarName)}" href="{E(model.Links.Https)}">
            <style>{PageStyles.Css}</style>
            </head>
            <body>
            <header>
            <h1>Diplomatic anniversaries</h1>
            <p class="lede">{E(Lede(model))}</p>
            </header>
            <main>

            """);
        Filters(html, model);
        if (model.Errors.Count > 0)
        {
            Errors(html, model.Errors);
        }
        else
        {
            Subscribe(html, model);
            EventList.Write(html, model);
        }

        html.Append($"""
            </main>
            <footer>
            <p>Facts version {E(model.Version.Hash)}, last changed {E(InstantPattern.General.Format(model.Version.LastModified))}.
            Also as <a href="/api/events/upcoming">JSON</a> (<a href="/docs">API documentation</a>).</p>
            </footer>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string Lede(PageModel model) =>
        $"The next twelve months, {PartialDate.OfDay(model.Range.Start).ToDisplayString()} to {PartialDate.OfDay(model.Range.End).ToDisplayString()}"
        + (model.Selection is { } selection ? $": {selection}." : ".");

    /// <summary>A GET form: the filtered page has a URL of its own, to bookmark or send.</summary>
    private static void Filters(StringBuilder html, PageModel model)
    {
        var filter = model.Filter;
        html.Append("""<form class="filters" method="get" action="/">""").Append('\n');
        Select(html, "country", "Country", "All countries",
            model.CountriesInFacts.Select(code => (code.Value, model.Countries.NameOf(code), filter.Countries.Contains(code))).ToList());
        Select(html, "kind", "Kind", "All kinds",
            OccurrenceFilter.KnownKinds.Select(kind => (kind, kind.Replace('-', ' '), filter.Kinds.Contains(kind))).ToList());
        var jubilee = filter.Jubilee == true ? " checked" : "";
        html.Append($"""
            <label class="check"><input type="checkbox" name="jubilee" value="true"{jubilee}> Jubilees only</label>
            <button type="submit">Show</button>
            <a class="reset" href="/">Reset</a>
            </form>

            """);
    }

    /// <summary>A single choice, or several when the URL asks for several (<c>country=IT&amp;country=LU</c>).</summary>
    private static void Select(StringBuilder html, string name, string label, string any, List<(string Value, string Text, bool Selected)> options)
    {
        var multiple = options.Count(option => option.Selected) > 1 ? " multiple" : "";
        html.Append($"""<label>{E(label)} <select name="{name}" id="filter-{name}"{multiple}>""").Append('\n');
        html.Append($"""<option value="">{E(any)}</option>""").Append('\n');
        foreach (var (value, text, selected) in options)
        {
            html.Append($"""<option value="{E(value)}"{(selected ? " selected" : "")}>{E(text)}</option>""").Append('\n');
        }

        html.Append("</select></label>\n");
    }

    private static void Errors(StringBuilder html, IReadOnlyList<string> errors)
    {
        html.Append("""<section class="errors" role="alert"><h2>This address has a problem</h2><ul>""").Append('\n');
        foreach (var error in errors)
        {
            html.Append($"<li>{E(error)}</li>\n");
        }

        html.Append("""</ul><p><a href="/">Show everything instead</a></p></section>""").Append('\n');
    }

    private static void Subscribe(StringBuilder html, PageModel model)
    {
        var links = model.Links;
        html.Append($"""
            <section class="subscribe" aria-labelledby="subscribe-title">
            <h2 id="subscribe-title">Subscribe: {E(model.CalendarName)}</h2>
            <p class="buttons">
            <a class="button" id="subscribe-webcal" href="{E(links.Webcal)}">Subscribe in your calendar app</a>
            <a class="button" id="subscribe-google" href="{E(links.Google)}">Add to Google Calendar</a>
            </p>
            <p><label for="feed-url">For Outlook and others, add a calendar from the internet with this address:</label></p>
            <p class="copy"><input id="feed-url" type="url" readonly value="{E(links.Https)}"> <a id="feed-https" href="{E(links.Https)}">Download .ics</a></p>
            <p class="hint">Calendar apps refresh on their own schedule: Google within about a day, Outlook within hours, Apple and Thunderbird as often as you set.</p>
            </section>

            """);
        Reminders(html, model);
    }

    /// <summary>"30, 7 and 1".</summary>
    private static string Days(IReadOnlyList<int> days) =>
        days.Count < 2 ? string.Join("", days) : string.Join(", ", days.Take(days.Count - 1)) + " and " + days[^1];

    /// <summary>Email reminders for the current filter: the address gets a confirmation link first (double opt-in).</summary>
    private static void Reminders(StringBuilder html, PageModel model)
    {
        html.Append("""
            <section class="subscribe" aria-labelledby="reminders-title">
            <h2 id="reminders-title">Email reminders</h2>
            <form id="reminders" method="post" action="/subscriptions">

            """);
        foreach (var code in model.Filter.Countries.Order())
        {
            html.Append($"""<input type="hidden" name="country" value="{E(code.Value)}">""").Append('\n');
        }

        foreach (var kind in model.Filter.Kinds.Order(StringComparer.Ordinal))
        {
            html.Append($"""<input type="hidden" name="kind" value="{E(kind)}">""").Append('\n');
        }

        if (model.Filter.Jubilee == true)
        {
            html.Append("""<input type="hidden" name="jubilee" value="true">""").Append('\n');
        }

        html.Append($"""
            <p><label for="reminder-email">Reminders for {E(model.Selection ?? "everything on this calendar")}, {E(Days(model.Reminders.LeadDays))} days ahead (jubilees {E(Days(model.Reminders.JubileeLeadDays))}), at {E(model.Reminders.SendAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))} in {E(model.Reminders.TimeZone)}:</label></p>
            <p class="copy"><input id="reminder-email" name="email" type="email" required autocomplete="email" placeholder="you@example.org"> <button type="submit">Email me</button></p>
            <p class="hint">You will get an email with a link to confirm; every reminder has a link to stop them.</p>
            </form>
            </section>

            """);
    }
}
