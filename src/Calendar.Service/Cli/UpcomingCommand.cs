using System.CommandLine;
using System.Globalization;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;

namespace Calendar.Service.Cli;

/// <summary><c>upcoming [--from D] [--days N | --to D] [--country C]... [--kind K]... [--jubilee true|false]</c>.</summary>
/// <remarks>The same query as <c>GET /api/events/upcoming</c>, parsed by the same code, printed as a table.</remarks>
internal static class UpcomingCommand
{
    public const string Name = "upcoming";

    public static Command Create(Func<IServiceProvider> services, TextWriter output, TextWriter errorOutput)
    {
        // Strings, as the endpoint's query is: UpcomingParameters parses both and words the errors the same way.
        var from = new Option<string>("--from") { Description = "First day. Default: today in Calendar:TimeZone.", HelpName = "YYYY-MM-DD" };
        var days = new Option<string>("--days") { Description = $"How many days, 1 to {UpcomingParameters.MaxDays}. Default {UpcomingParameters.DefaultDays}.", HelpName = "N" };
        var to = new Option<string>("--to") { Description = "Last day, inclusive (instead of --days).", HelpName = "YYYY-MM-DD" };
        var country = new Option<string[]>("--country") { Description = "ISO 3166-1 alpha-2 code; repeat it or separate with commas.", HelpName = "CODE" };
        var kind = new Option<string[]>("--kind") { Description = "'anniversary' or a fact kind (relations, visit, signing, ...); repeatable.", HelpName = "KIND" };
        var jubilee = new Option<string>("--jubilee") { Description = "true: jubilee anniversaries only; false: everything but jubilees.", HelpName = "true|false" };
        var command = new Command(Name, $"Prints what is coming up, as GET /api/events/upcoming answers it. Dates run from 0001-01-01 to {UpcomingParameters.LastDate:yyyy-MM-dd}.")
        {
            from, days, to, country, kind, jubilee,
        };
        command.SetAction(result => Run(
            new UpcomingParameters(result.GetValue(from), result.GetValue(days), result.GetValue(to), result.GetValue(country), result.GetValue(kind), result.GetValue(jubilee)),
            services(),
            output,
            errorOutput));
        return command;
    }

    public static int Run(UpcomingParameters parameters, IServiceProvider services, TextWriter output, TextWriter errorOutput)
    {
        if (!Startup.TryLoad(services))
        {
            return 1;
        }

        var state = services.GetRequiredService<CalendarState>();
        var clock = services.GetRequiredService<CalendarClock>();
        var errors = new QueryErrors();
        var today = clock.Today;
        var query = parameters.Parse(today, state.Current.Facts.Countries, errors);
        if (query is null || errors.Any)
        {
            foreach (var line in errors.Lines)
            {
                errorOutput.WriteLine($"--{line}");
            }

            return CommandLine.UsageError;
        }

        Print(UpcomingApi.Answer(state.Current, query, today, clock.Zone), output);
        return 0;
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
