using Calendar.Service.Facts;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Cli;

/// <summary><c>validate [FOLDER]</c>: checks a facts folder (the configured one by default); exit 1 on any error.</summary>
internal static class ValidateCommand
{
    public static int Run(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, TextWriter errorOutput)
    {
        if (arguments.Count > 1)
        {
            errorOutput.WriteLine("usage: validate [FOLDER]");
            return 2;
        }

        var folder = arguments is [var path] ? new FactsFolder(path) : services.GetRequiredService<FactsFolder>();
        var load = FactsLoader.Load(folder, services.GetRequiredService<IOptions<CalendarOptions>>().Value.FactsLoadTimeout);
        if (load.Succeeded)
        {
            output.WriteLine($"{folder.DisplayPath}: {load.Facts!.Facts.Count} facts, no errors (version {load.Version!.Hash}).");
            return 0;
        }

        foreach (var error in load.Errors)
        {
            errorOutput.WriteLine(error);
        }

        errorOutput.WriteLine($"{folder.DisplayPath}: {load.Errors.Count} error(s).");
        return 1;
    }
}
