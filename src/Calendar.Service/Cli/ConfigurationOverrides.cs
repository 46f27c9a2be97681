namespace Calendar.Service.Cli;

/// <summary>Separates configuration overrides (<c>--Section:Key=value</c>) from the command and its options.</summary>
/// <remarks>
/// An override is named with a colon, so it never clashes with an option. The host's own forms are kept:
/// <c>--Calendar:Today=2023-06-01</c> and <c>--Calendar:Today 2023-06-01</c>; both reach the host as the first.
/// </remarks>
internal static class ConfigurationOverrides
{
    public static (string[] CommandArgs, string[] Overrides, string? Error) Split(IReadOnlyList<string> args)
    {
        var commandArgs = new List<string>();
        var overrides = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !name.Contains(':', StringComparison.Ordinal))
            {
                commandArgs.Add(arg);
            }
            else if (name.Length < arg.Length)
            {
                overrides.Add(arg);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                overrides.Add($"{name}={args[++i]}");
            }
            else
            {
                return ([.. commandArgs], [.. overrides], $"{name} needs a value: {name}=VALUE");
            }
        }

        return ([.. commandArgs], [.. overrides], null);
    }
}
