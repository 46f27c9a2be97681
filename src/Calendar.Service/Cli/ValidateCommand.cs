using System.CommandLine;
using Calendar.Service.Facts;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Cli;

/// <summary><c>validate [FOLDER]</c>: checks a facts folder (the configured one by default); exit 1 on any error.</summary>
internal static class ValidateCommand
{
    public const string Name = "validate";

    public static Command Create(Func<IServiceProvider> services, TextWriter output, TextWriter errorOutput)
    {
        var folder = new Argument<string?>("folder")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "The facts folder to check, relative to the directory the command is run from. Default: Calendar:FactsPath.",
        };
        var command = new Command(Name, "Checks a folder of facts files and prints every error as file:line: field: message.") { folder };
        command.SetAction(result => Run(result.GetValue(folder), services(), output, errorOutput));
        return command;
    }

    /// <remarks>
    /// A relative <paramref name="path"/> is resolved against the process's working directory: the directory the
    /// user ran the command from (<c>dotnet run</c> keeps it too), <c>/app</c> in the container.
    /// </remarks>
    public static int Run(string? path, IServiceProvider services, TextWriter output, TextWriter errorOutput)
    {
        var folder = path is not null ? new FactsFolder(Path.GetFullPath(path, Environment.CurrentDirectory)) : services.GetRequiredService<FactsFolder>();
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
