using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Calendar.Service.Tests;

/// <summary>The host's per-request Activity and log scope, made only when configuration asks for them.</summary>
public class RequestDiagnosticsTests
{
    [Fact]
    public async Task ARequest_GetsNoActivity_ByDefault()
    {
        var seen = new SeenActivities();
        using var app = new CalendarApplication().WithServices(services => services.AddSingleton<IStartupFilter>(seen));

        using var response = await app.CreateHttpClient().GetAsync(new Uri("health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([false], seen.HadActivity);
    }

    [Fact]
    public async Task ARequest_GetsItsActivity_WhenConfigurationLogsTheHostsRequests()
    {
        var seen = new SeenActivities();
        using var app = new CalendarApplication()
            .With("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information")
            .WithServices(services => services.AddSingleton<IStartupFilter>(seen));

        using var response = await app.CreateHttpClient().GetAsync(new Uri("health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([true], seen.HadActivity);
    }

    /// <summary>Notes, at the front of the pipeline, whether the host started an Activity for each request.</summary>
    private sealed class SeenActivities : IStartupFilter
    {
        public List<bool> HadActivity { get; } = [];

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                lock (HadActivity)
                {
                    HadActivity.Add(context.Features.Get<IHttpActivityFeature>()?.Activity is Activity);
                }

                return following(context);
            });
            next(app);
        };
    }
}
