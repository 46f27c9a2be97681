using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Calendar.Service.Tests.Feed;

/// <summary>Reads a feed with ical.js, the iCalendar parser inside Thunderbird, through <c>tests/tools/read-ics.mjs</c>.</summary>
/// <remarks>
/// A real client's parser rather than Ical.Net reading its own output: a serializer and its own parser can
/// agree on a mistake. Missing Node.js or ical.js fails the test, with the command that installs them.
/// </remarks>
internal static class IcalJs
{
    private const string Setup = "Run tests/run.sh once (it runs `npm ci --prefix tests/tools`), or that npm command yourself.";

    public static async Task<ParsedCalendar> ReadAsync(byte[] ics)
    {
        var tools = Path.Combine(Repository.Root, "tests", "tools");
        if (!File.Exists(Path.Combine(tools, "node_modules", "ical.js", "package.json")))
        {
            Assert.Fail($"ical.js is not installed in {tools}/node_modules. {Setup}");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("read-ics.mjs");

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Node.js (`node`) is not on the PATH ({e.Message}). Install Node.js 20 or later. {Setup}");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.StandardInput.BaseStream.WriteAsync(ics, TestContext.Current.CancellationToken);
            process.StandardInput.Close();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"ical.js could not read the feed:\n{await error}");
            return JsonSerializer.Deserialize<ParsedCalendar>(await output, JsonSerializerOptions.Web)!;
        }
    }
}

/// <summary>What ical.js read: the calendar's properties (lower-case names) and its events.</summary>
internal sealed record ParsedCalendar(Dictionary<string, string?> Properties, IReadOnlyList<ParsedEvent> Events)
{
    public ParsedEvent Event(string uid) =>
        Events.SingleOrDefault(e => e.Uid == uid) ?? throw new InvalidOperationException($"No event {uid} in: {string.Join(", ", Events.Select(e => e.Uid))}");
}

/// <summary>One VEVENT as ical.js read it; dates are <c>YYYY-MM-DD</c> for all-day events.</summary>
internal sealed record ParsedEvent(
    string Uid,
    string Summary,
    string Start,
    string End,
    bool IsDate,
    string? Status,
    string? Transparency,
    IReadOnlyList<string> Categories,
    string? Location,
    string? Description,
    int Sequence,
    string? Dtstamp,
    string? LastModified,
    string? Url,
    string? SummaryLanguage = null,
    string? DescriptionLanguage = null);
