namespace Calendar.Service.Page;

/// <summary>The page's stylesheet, inline: one request, no static files to serve or cache-bust.</summary>
internal static class PageStyles
{
    public const string Css = """

        :root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d9dee7; --accent: #0b5cad; --gold: #9a6b00; --gold-bg: #fff6dc; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
        header, main, footer { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
        header { padding-top: 1.25rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        .lede { color: var(--muted); margin: 0 0 1rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; padding: .75rem; background: #fff; border: 1px solid var(--line); border-radius: .5rem; }
        form.filters label { display: flex; flex-direction: column; font-size: .875rem; color: var(--muted); }
        form.filters label.check { flex-direction: row; align-items: center; gap: .35rem; color: var(--ink); font-size: 1rem; }
        select, button, input { font: inherit; }
        select { min-width: 11rem; padding: .3rem; }
        button, .button { display: inline-block; padding: .45rem .9rem; border-radius: .4rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; text-decoration: none; cursor: pointer; }
        .button { margin: 0 .5rem .5rem 0; }
        .reset { align-self: center; }
        .subscribe, .errors { margin: 1rem 0; padding: .75rem 1rem; background: #fff; border: 1px solid var(--line); border-radius: .5rem; }
        .subscribe h2, .errors h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
        .errors { border-color: #c62828; background: #fff5f5; }
        .copy { display: flex; gap: .5rem; align-items: center; }
        .copy input { flex: 1; min-width: 0; padding: .3rem; }
        .hint { color: var(--muted); font-size: .875rem; margin-bottom: 0; }
        h2.month { font-size: 1.2rem; margin: 1.5rem 0 .5rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
        ol.month { list-style: none; margin: 0; padding: 0; }
        li.event { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin-bottom: .75rem; }
        li.event.jubilee { border: 2px solid var(--gold); background: var(--gold-bg); }
        li.event h3 { font-size: 1.05rem; margin: .25rem 0; }
        .when { margin: 0; color: var(--muted); font-size: .9rem; }
        .when time { color: var(--ink); font-weight: 600; }
        .badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: .05rem .45rem; border-radius: 1rem; margin-left: .25rem; border: 1px solid currentColor; }
        .badge.jubilee { color: #fff; background: var(--gold); border-color: var(--gold); }
        .badge.tentative { color: #8a4b00; }
        .badge.scheduled { color: #1b6e3a; }
        .countries { margin: 0; font-weight: 500; }
        .detail { margin: .25rem 0; white-space: pre-line; }
        .label { color: var(--muted); }
        .sources { margin: .35rem 0 0; padding-left: 1.1rem; font-size: .875rem; color: var(--muted); overflow-wrap: anywhere; }
        .empty { color: var(--muted); }
        footer { color: var(--muted); font-size: .8rem; padding-bottom: 2rem; }
        a { color: var(--accent); }
        @media (max-width: 30rem) { select { min-width: 100%; } form.filters label { flex: 1 1 100%; } h1 { font-size: 1.35rem; } }

        """;
}
