using System.CommandLine;
using System.CommandLine.Invocation;

namespace Calendar.Service.Cli;

/// <summary>What the executable was asked to do: run the web server, run a console command, or print help.</summary>
/// <remarks>
/// System.CommandLine parses the commands and their options (<c>--opt value</c> and <c>--opt=value</c>, help,
/// usage errors). Configuration overrides keep the host's own form, <c>--Section:Key=value</c>
/// (e.g. <c>--Calendar:Today=2023-06-01</c>): they are taken out first and go to the host builder.
/// Exit codes: 0 done, 1 invalid facts or configuration or the address in use, 2 a usage error.
/// </remarks>
internal sealed class CommandLine
{
    public const int UsageError = 2;

    private static readonly Option<string> Urls = new("--urls")
    {
        Description = "Where the web server listens, e.g. http://127.0.0.1:8080 (several separated by ';'). Default http://localhost:5000.",
        HelpName = "addresses",
    };

    private static readonly Option<string> EnvironmentName = new("--environment")
    {
        Description = "Reads config/appsettings.{environment}.json as well. Default Production.",
        HelpName = "name",
        Recursive = true,
    };

    private readonly ParseResult _result;
    private IServiceProvider? _services;

    private CommandLine(ParseResult result, string[] hostArgs, int? exitCode)
    {
        _result = result;
        HostArgs = hostArgs;
        ExitCode = exitCode;
    }

    /// <summary>What the host builder reads: the configuration overrides, <c>--urls</c> and <c>--environment</c>.</summary>
    public string[] HostArgs { get; }

    /// <summary>Set when the command line is already answered (help, version, a usage error): exit with it.</summary>
    public int? ExitCode { get; }

    /// <summary>A console command, answered without starting the web server.</summary>
    public bool IsCommand => NeedsHost(_result);

    /// <summary>Parses <paramref name="args"/>; help, the version and usage errors are printed here.</summary>
    public static CommandLine Parse(string[] args) => Parse(args, Console.Out, Console.Error);

    public static CommandLine Parse(string[] args, TextWriter output, TextWriter errorOutput)
    {
        var (commandArgs, overrides, overrideError) = ConfigurationOverrides.Split(args);
        CommandLine? parsed = null;
        var root = CreateRoot(() => parsed?._services ?? throw new InvalidOperationException("The host is not built yet."), output, errorOutput);
        // No response files: an argument that starts with '@' is a value, never a file to read arguments from.
        var configuration = new ParserConfiguration { ResponseFileTokenReplacer = null };
        var result = root.Parse(commandArgs, configuration);
        if (result.CommandResult.Command is not RootCommand)
        {
            // A command's unknown options are errors; only the web server takes any host setting.
            root.TreatUnmatchedTokensAsErrors = true;
            result = root.Parse(commandArgs, configuration);
        }

        var isServer = result.CommandResult.Command is RootCommand;
        var hostArgs = overrides
            .Concat(result.GetValue(Urls) is { } urls ? [$"--urls={urls}"] : [])
            .Concat(result.GetValue(EnvironmentName) is { } environment ? [$"--environment={environment}"] : [])
            .Concat(isServer ? result.UnmatchedTokens : [])
            .ToArray();

        int? exitCode = null;
        var usageError = overrideError ?? (isServer ? NotAHostSetting(result.UnmatchedTokens) : null);
        if (usageError is not null || result.Errors.Count > 0)
        {
            exitCode = ReportUsageError(result, usageError, errorOutput);
        }
        else if (!NeedsHost(result) && result.Action != ((RootCommand)result.RootCommandResult.Command).Action)
        {
            // --help, -h, help, --version: answered without building the host.
            exitCode = result.Invoke(new InvocationConfiguration { Output = output, Error = errorOutput });
        }

        return parsed = new CommandLine(result, hostArgs, exitCode);
    }

    /// <summary>A command's standard output is its answer: logs go to standard error, warnings and worse only.</summary>
    /// <remarks>The web server keeps the configured logging, and reports a failed start in one line.</remarks>
    public void ConfigureLogging(WebApplicationBuilder builder)
    {
        if (!IsCommand)
        {
            Startup.ReportFailedStartInOneLine(builder);
            return;
        }

        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            options.Rules.Clear();
            options.MinLevel = LogLevel.Warning;
        });
    }

    /// <summary>Runs the console command against the built host's services.</summary>
    public Task<int> RunAsync(IServiceProvider services)
    {
        _services = services;
        return _result.InvokeAsync();
    }

    /// <summary>Whether the command asked for is one that needs the services (<c>upcoming</c>, <c>validate</c>, <c>copy-state</c>, <c>extract</c>), rather than help.</summary>
    private static bool NeedsHost(ParseResult result) =>
        result.CommandResult.Command.Name is UpcomingCommand.Name or ValidateCommand.Name or CopyStateCommand.Name or ExtractCommand.Name
        && result.Action == result.CommandResult.Command.Action;

    private static RootCommand CreateRoot(Func<IServiceProvider> services, TextWriter output, TextWriter errorOutput)
    {
        var root = new RootCommand(
            "Diplomatic Anniversary Calendar. Without a command: runs the web server (the page, /api/events/upcoming, " +
            "/calendar.ics, reminders). Any setting can be given as --Section:Key=value, e.g. --Calendar:Today=2027-01-10. " +
            "Relative paths are relative to the directory the command is run from. " +
            "Exit codes: 0 done, 1 invalid facts or configuration (or the address is in use), 2 a usage error.")
        {
            Urls,
            EnvironmentName,
            UpcomingCommand.Create(services, output, errorOutput),
            ValidateCommand.Create(services, output, errorOutput),
            CopyStateCommand.Create(services, output, errorOutput),
            ExtractCommand.Create(services, output, errorOutput),
        };
        root.Add(HelpCommand(root, output, errorOutput));
        // The web server takes any host setting, as ASP.NET Core's host does (--contentRoot=..., --AllowedHosts=...).
        root.TreatUnmatchedTokensAsErrors = false;
        // The web server is started by Program once the host is built: here it only needs to be a valid choice.
        root.SetAction(_ => 0);
        return root;
    }

    /// <summary><c>help [command]</c>: the same as <c>--help</c>, for people who type the word.</summary>
    private static Command HelpCommand(RootCommand root, TextWriter output, TextWriter errorOutput)
    {
        var name = new Argument<string?>("command") { Arity = ArgumentArity.ZeroOrOne, Description = "The command to explain." };
        var help = new Command("help", "Shows the commands and options, or those of one command.") { name };
        help.SetAction(result => root
            .Parse(result.GetValue(name) is { } command ? [command, "--help"] : ["--help"])
            .Invoke(new InvocationConfiguration { Output = output, Error = errorOutput }));
        return help;
    }

    /// <summary>A word where a host setting (<c>--name=value</c>, <c>--name value</c>) should be: a misspelt command.</summary>
    private static string? NotAHostSetting(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].StartsWith("--", StringComparison.Ordinal))
            {
                return $"'{tokens[i]}' is not a command; expected {UpcomingCommand.Name}, {ValidateCommand.Name}, {CopyStateCommand.Name}, {ExtractCommand.Name} or help.";
            }

            if (!tokens[i].Contains('=', StringComparison.Ordinal) && i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
            }
        }

        return null;
    }

    private static int ReportUsageError(ParseResult result, string? message, TextWriter errorOutput)
    {
        if (message is not null)
        {
            errorOutput.WriteLine(message);
        }

        if (result.Errors.Count > 0 && result.Action is ParseErrorAction errors)
        {
            // The errors and typo suggestions ("'--form' was not matched. Did you mean --from?"), without the whole help.
            errors.ShowHelp = false;
            result.Invoke(new InvocationConfiguration { Output = errorOutput, Error = errorOutput });
        }

        var command = result.CommandResult.Command is RootCommand ? "" : $" {result.CommandResult.Command.Name}";
        errorOutput.WriteLine($"Run '{RootCommand.ExecutableName}{command} --help' for usage.");
        return UsageError;
    }
}
