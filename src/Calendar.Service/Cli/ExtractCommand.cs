using System.CommandLine;
using System.Text;
using Calendar.Core;
using Calendar.Extraction;
using Calendar.Service.Facts;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Cli;

/// <summary><c>extract FILE --published YYYY-MM-DD [--outlet NAME] [--title TITLE] [--url URL] [--home CC]</c>: drafts facts from a press release.</summary>
/// <remarks>
/// Prints the drafts as a facts file on standard output (nothing found is still exit 0); a missing or unreadable file
/// or a bad option is exit 2 with the reason on standard error. The drafts are compared with the facts folder when it
/// loads; when it does not, that is said on standard error and the drafts are printed all the same.
/// </remarks>
internal static class ExtractCommand
{
    public const string Name = "extract";

    /// <summary>A press release is a few kilobytes; the reader takes at most <see cref="PressReleaseReader.MaxTextLength"/> characters.</summary>
    public const int MaxFileBytes = 4 * PressReleaseReader.MaxTextLength;

    public static Command Create(Func<IServiceProvider> services, TextWriter output, TextWriter errorOutput)
    {
        var file = new Argument<string>("file") { Description = "The article as a UTF-8 text file." };
        var published = new Option<string>("--published") { Description = "The day it was published (required): 'today', 'this year' and anniversaries count from it.", HelpName = "YYYY-MM-DD", Required = true };
        var outlet = new Option<string>("--outlet") { Description = "Who published it, for the drafts' sources.", HelpName = "NAME" };
        var title = new Option<string>("--title") { Description = "Its headline, for the drafts' sources.", HelpName = "TITLE" };
        var url = new Option<string>("--url") { Description = "Where to read it, for the drafts' sources.", HelpName = "URL" };
        var home = new Option<string>("--home") { Description = "The country that speaks as 'we' and 'our'. Default: Calendar:HomeCountry (KZ).", HelpName = "CC" };
        var command = new Command(Name, "Drafts facts from a press release and prints them as a facts file, each with draft: true and the sentence it came from.")
        {
            file, published, outlet, title, url, home,
        };
        command.SetAction(result => Run(
            result.GetValue(file)!,
            new DraftInput(result.GetValue(published), result.GetValue(outlet), result.GetValue(title), result.GetValue(url), result.GetValue(home)),
            services(),
            output,
            errorOutput));
        return command;
    }

    public static int Run(string path, DraftInput input, IServiceProvider services, TextWriter output, TextWriter errorOutput)
    {
        var options = services.GetRequiredService<IOptions<CalendarOptions>>().Value;
        if (ReadText(path, errorOutput) is not { } text)
        {
            return CommandLine.UsageError;
        }

        // The facts first: they may name countries of their own (a code --home can then take).
        var load = FactsLoader.Load(services.GetRequiredService<FactsFolder>(), options.FactsLoadTimeout);
        var facts = load.Facts ?? FactSet.Empty;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var release = input.Check(text, options.HomeCountry, facts.Countries, errors);
        if (release is null)
        {
            foreach (var (field, message) in errors)
            {
                errorOutput.WriteLine(field == "text" ? $"{path}: {message}" : $"--{field}: {message}");
            }

            return CommandLine.UsageError;
        }

        if (!load.Succeeded)
        {
            errorOutput.WriteLine($"The facts folder has {load.Errors.Count} error(s) (run 'validate'): the drafts are not compared with it.");
        }

        var drafts = PressReleaseReader.Read(release, facts);
        output.Write(DraftsYaml.Write(drafts));
        errorOutput.WriteLine($"{path}: {drafts.Count} draft(s).");
        return 0;
    }

    /// <summary>The file's text, or null with the reason on standard error.</summary>
    private static string? ReadText(string path, TextWriter errorOutput)
    {
        var full = Path.GetFullPath(path, Environment.CurrentDirectory);
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                errorOutput.WriteLine($"{path}: no such file.");
                return null;
            }

            if (info.Length > MaxFileBytes)
            {
                errorOutput.WriteLine($"{path}: {info.Length} bytes; a press release of at most {MaxFileBytes / 1024} KB is read.");
                return null;
            }

            return File.ReadAllText(full, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            errorOutput.WriteLine($"{path}: cannot be read: {e.Message}");
            return null;
        }
    }
}
