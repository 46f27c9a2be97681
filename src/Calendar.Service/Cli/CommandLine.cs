namespace Calendar.Service.Cli;

/// <summary>A console command given to the service executable instead of running the web server.</summary>
/// <remarks>
/// Command options are <c>--name value</c>; configuration overrides keep the host's own form
/// <c>--Section:Key=value</c> (e.g. <c>--Calendar:Today=2023-06-01</c>) and go to the host builder.
/// </remarks>
internal sealed class CommandLine
{
    private CommandLine(string name, IReadOnlyList<string> arguments, string[] hostArgs)
    {
        Name = name;
        Arguments = arguments;
        HostArgs = hostArgs;
    }

    public string Name { get; }

    public IReadOnlyList<string> Arguments { get; }

    public string[] HostArgs { get; }

    /// <summary>The command in <paramref name="args"/>, or null to run the web server.</summary>
    public static CommandLine? Split(string[] args)
    {
        if (args is not [var name, ..] || name is not ("upcoming" or "validate"))
        {
            return null;
        }

        static bool IsHostSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':') && arg.Contains('=');
        return new CommandLine(name, args[1..].Where(arg => !IsHostSetting(arg)).ToList(), args[1..].Where(IsHostSetting).ToArray());
    }

    public Task<int> RunAsync(IServiceProvider services) => Task.FromResult(Name switch
    {
        "upcoming" => UpcomingCommand.Run(Arguments, services, Console.Out, Console.Error),
        _ => ValidateCommand.Run(Arguments, services, Console.Out, Console.Error),
    });
}
