namespace Calendar.Service;

internal static class CalendarConfiguration
{
    /// <summary>
    /// Adds <c>config/appsettings.json</c> (and <c>config/appsettings.{Environment}.json</c>) from the content root,
    /// under environment variables and the command line, which keep the last word.
    /// </summary>
    /// <remarks><c>config/</c> is what the container mounts; secrets never go there but come from the environment.</remarks>
    public static WebApplicationBuilder AddCalendarConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        var folder = Path.Combine(builder.Environment.ContentRootPath, "config");
        builder.Configuration
            .AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(folder, $"appsettings.{builder.Environment.EnvironmentName}.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        return builder;
    }
}
