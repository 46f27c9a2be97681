using System.Globalization;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;

namespace Calendar.Service.Cli;

/// <summary><c>upcoming [--from D] [--days N | --to D] [--country C]... [--kind K]... [--jubilee true|false]</c>.</summary>
/// <remarks>The same query as <c>GET /api/events/upcoming</c>, parsed by the same code, printed as a table.</remarks>
internal static class UpcomingCommand
{
    public static int Run(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, TextWriter errorOutput)
    {
        var errors = new QueryErrors();
        var options = Options(arguments, errors);
        if (!Startup.TryLoad(services))
        {
            return 1;
        }

        var state = services.GetRequiredService<CalendarState>();
        var clock = services.GetRequiredService<CalendarClock>();
        var parameters = new UpcomingParameters(
            options.GetValueOrDefault("from")?.LastOrDefault(),
            options.GetValueOrDefault("days")?.LastOrDefault(),
            options.GetValueOrDefault("to")?.LastOrDefault(),
            options.GetValueOrDefault("country")?.ToArray(),
            options.GetValueOrDefault("kind")?.ToArray(),
            options.GetValueOrDefault("jubilee")?.LastOrDefault());
        var query = parameters.Parse(clock.Today, state.Current.Facts.Countries, errors);
        if (query is null || errors.Any)
        {
            foreach (var line in errors.Lines)
            {
                errorOutput.WriteLine($"--{line}");
            }

            return 2;
        }

        Print(UpcomingApi.Answer(state.Current, query, clock), output);
        return 0;
    }

    private static Dictionary<string, List<string>> Options(IReadOnlyList<string> arguments, QueryErrors errors)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i].StartsWith("--", StringComparison.Ordinal) ? arguments[i][2..] : null;
            if (name is null || !UpcomingParameters.Names.Contains(name))
            {
                errors.Add(name ?? arguments[i], $"unknown option; expected: {string.Join(", ", UpcomingParameters.Names.Select(n => "--" + n))}");
            }
            else if (i + 1 >= arguments.Count)
            {
                errors.Add(name, "needs a value");
            }
            else
            {
                if (!options.TryGetValue(name, out var values))
                {
                    options[name] = values = [];
                }

                values.Add(arguments[++i]);
            }
        }

        return options;
    }

    private static void Print(UpcomingResponse answer, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{answer.Count} event(s) from {answer.From:yyyy-MM-dd} to {answer.To:yyyy-MM-dd} (today is {answer.Today:yyyy-MM-dd} in {answer.TimeZone})"));
        if (answer.Count == 0)
        {
            return;
        }

        string[] header = ["Date", "In days", "Kind", "Title", "Countries", "Place"];
        var rows = answer.Events.Select(e => new[]
        {
            e.DisplayDate,
            e.DaysUntil.ToString(CultureInfo.InvariantCulture),
            e.Jubilee == true ? "jubilee" : e.Kind,
            e.Title,
            string.Join(", ", e.Countries),
            e.Location?.Label ?? "",
        }).ToList();
        var widths = header.Select((title, column) => rows.Max(row => row[column].Length) is var longest && longest > title.Length ? longest : title.Length).ToArray();

        output.WriteLine();
        output.WriteLine(Line(header, widths));
        output.WriteLine(Line(widths.Select(width => new string('-', width)).ToArray(), widths));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }

        static string Line(string[] cells, int[] widths) =>
            string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd();
    }
}
