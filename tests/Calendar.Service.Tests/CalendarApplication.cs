using Calendar.Service.Feed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace Calendar.Service.Tests;

/// <summary>The real service on a loopback port, with only what a test must control swapped.</summary>
/// <remarks>
/// Real Kestrel rather than the in-memory TestServer: calendar clients, browsers and curl meet the real
/// HTTP stack (compression, HEAD, conditional requests), so the tests do too.
/// </remarks>
internal sealed class CalendarApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly TempFolder _data = new();
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly Lock _starting = new();
    private volatile bool _started;

    /// <param name="factsPath">The facts folder; the repository's seeds by default.</param>
    /// <param name="now">Where the fake clock starts; the real clock when null.</param>
    public CalendarApplication(string? factsPath = null, Instant? now = null)
    {
        // The facts under test, not whatever a working directory happens to hold.
        _settings["Calendar:FactsPath"] = factsPath ?? Repository.Seeds;
        // A data folder of its own, so that tests never share a database or an outbox.
        _settings["Calendar:DataPath"] = _data.Path;
        // Fast polling so that hot reload is observable within a test.
        _settings["Calendar:FactsPollInterval"] = "00:00:01";
        Clock = new FakeClock(now ?? SystemClock.Instance.GetCurrentInstant());
        // A listen option rather than UseKestrel(0): with a port, the factory rewrites the server's addresses after the
        // host is built, racing Kestrel binding them ("Addresses cannot be modified after the server has started",
        // dotnet/aspnetcore#67714).
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    /// <summary>The clock the service reads; advance it to move "now".</summary>
    public FakeClock Clock { get; }

    public string DataPath => _data.Path;

    /// <summary>The loopback address Kestrel listens on, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            Start();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
        }
    }

    /// <summary>Sets a configuration value before the host starts (<c>Calendar:Today</c>, <c>Calendar:TimeZone</c>).</summary>
    public CalendarApplication With(string key, string? value)
    {
        EnsureNotStarted();
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces services before the host starts.</summary>
    public CalendarApplication WithServices(Action<IServiceCollection> configure)
    {
        EnsureNotStarted();
        _services.Add(configure);
        return this;
    }

    /// <summary>Starts the host on a loopback port (idempotent).</summary>
    public CalendarApplication Start()
    {
        // A test may read BaseAddress from several tasks at once; a second StartServer would start the host again.
        lock (_starting)
        {
            if (!_started)
            {
                StartServer();
                _started = true;
            }
        }

        return this;
    }

    /// <summary>A plain HTTP client to the loopback port: no redirects followed, no decompression unless asked.</summary>
    public HttpClient CreateHttpClient(DecompressionMethods decompression = DecompressionMethods.None) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = decompression }) { BaseAddress = BaseAddress };

    public T Get<T>()
        where T : notnull
    {
        Start();
        return Services.GetRequiredService<T>();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            // The fake clock: tests decide what "now" is.
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // The factory registers Kestrel's services again (UseKestrel), after the service's own: its memory pool factory
        // gets the feed's wide blocks, as the service's registration gave them to the first (FeedApi.AddFeed).
        builder.ConfigureServices(services => services.AddWideResponseBlocks());
        return base.CreateHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }

    private void EnsureNotStarted()
    {
        if (_started)
        {
            throw new InvalidOperationException("Configure the application before it starts.");
        }
    }
}
