using System.Globalization;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Calendar.Core;
using Calendar.Service;
using Calendar.Service.Cluster;
using Calendar.Service.Feed;
using Calendar.Service.Reminders;
using Calendar.Service.Storage;
using Calendar.Service.Subscriptions;
using Calendar.Service.Timeline;
using Dapper;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MimeKit;
using NodaTime;

namespace Calendar.Benchmarks;

/// <summary>
/// One dispatch run for 10,000 subscriptions, each owed a digest, to a local SMTP sink: claims, plans, composes,
/// sends and marks, against a plain MailKit loop that sends the same 10,000 messages, already composed, over one
/// connection (the baseline). Target: at least 0.7 of its rate, i.e. a time ratio of at most 1.43, on both engines.
/// </summary>
/// <remarks>
/// PostgreSQL comes from <c>CALENDAR_BENCH_POSTGRES</c> (a server where the user may create databases; bench/run.sh
/// starts one). Each dispatch starts from an empty ledger; emptying it is part of what is timed.
/// </remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class DispatchBenchmarks : IDisposable
{
    public static readonly int Subscribers = int.Parse(Environment.GetEnvironmentVariable("BENCH_N") ?? "10000", CultureInfo.InvariantCulture);

    // 09:30 in Rome on 14 August 2027: the 35th anniversary of relations with Brobdingnag is 7 days ahead.
    private static readonly Instant Now = Instant.FromUtc(2027, 8, 14, 7, 30);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "calendar-bench-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SmtpSink _sink = new();
    private WebApplication _app = null!;
    private ReminderDispatcher _dispatcher = null!;
    private CalendarDatabase _database = null!;
    private List<MimeMessage> _messages = null!;
    private string? _postgresDatabase;

    [Params("Sqlite", "Postgres")]
    public string Database { get; set; } = "Sqlite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // Facts and data apart, as the service keeps them: a watcher on the facts folder would otherwise wake at every write to the ledger.
        var facts = Directory.CreateDirectory(Path.Combine(_folder, "facts")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data")).FullName;
        File.WriteAllText(Path.Combine(facts, "facts.yaml"), """
            countries: { XA: Xanadu, XB: Brobdingnag }
            facts:
              - id: xa-xb-relations
                kind: relations
                countries: [XA, XB]
                date: 1992-08-21
                title: Relations established
                sources: [{ title: "[Invented]", outlet: Bench Gazette, published: 2022-08-21 }]
            """);
        var settings = new Dictionary<string, string?>
        {
            ["Calendar:FactsPath"] = facts,
            ["Calendar:DataPath"] = data,
            ["Calendar:PublicBaseUrl"] = "https://calendar.example.org/",
            ["Calendar:Smtp:Host"] = "127.0.0.1",
            ["Calendar:Smtp:Port"] = _sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Calendar:Smtp:Security"] = "None",
            ["Calendar:SigningSecret"] = "bench",
        };
        if (Database == "Postgres")
        {
            (_postgresDatabase, var connectionString) = await BenchPostgres.CreateDatabaseAsync();
            settings["Calendar:Database:Provider"] = "Postgres";
            settings["Calendar:Database:ConnectionString"] = connectionString;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = facts });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddStorage(builder.Configuration).AddCluster(builder.Configuration).AddTimeline(builder.Configuration).AddFeed(builder.Configuration)
            .AddSubscriptions(builder.Configuration).AddReminders(builder.Configuration).AddSingleton<PublicAddress>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IClock>(new FixedClock(Now)));
        var capture = new CapturingTransport();
        capture.Wrap(builder.Services);
        _app = builder.Build();
        _database = _app.Services.GetRequiredService<CalendarDatabase>();
        _database.Migrate();
        _app.Services.GetRequiredService<CalendarRefresher>().Refresh();
        AddSubscribers(_app.Services.GetRequiredService<SubscriptionStore>());
        _dispatcher = _app.Services.GetRequiredService<ReminderDispatcher>();

        // The baseline sends what the dispatcher sends: a first run, captured.
        capture.Capturing = true;
        Check(await _dispatcher.RunAsync(CancellationToken.None));
        capture.Capturing = false;
        _messages = capture.Messages;
        if (Database == "Postgres")
        {
            // Statistics, as autovacuum gathers them within a minute of a table changing by a tenth: a database in use
            // has them. Without them the planner takes the tables just filled for empty and scans them whole, which
            // measured the first minute after a bulk load, not the dispatcher (5 to 10 ms a batch of 100).
            using var connection = _database.Open();
            connection.Execute("ANALYZE subscriptions, reminder_ledger");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<int> PlainMailKitLoop()
    {
        using var client = new SmtpClient();
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, _sink.Port);
        await client.ConnectAsync(socket, "127.0.0.1", _sink.Port, SecureSocketOptions.None);
        foreach (var message in _messages)
        {
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(quit: true);
        return _messages.Count;
    }

    [Benchmark]
    public async Task<int> Dispatch()
    {
        using (var connection = _database.Open())
        {
            connection.Execute("DELETE FROM reminder_ledger");
        }

        return Check(await _dispatcher.RunAsync(CancellationToken.None));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _app?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sink.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            BenchPostgres.DropDatabase(_postgresDatabase);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private static void AddSubscribers(SubscriptionStore store)
    {
        for (var i = 0; i < Subscribers; i++)
        {
            store.Add(new Subscription
            {
                Email = $"reader{i}@example.org",
                Name = $"Reader {i}",
                Filter = new OccurrenceFilter { Countries = new HashSet<CountryCode> { CountryCode.Parse("XB") } },
                LeadDays = [30, 7, 1],
                JubileeLeadDays = [90, 30, 7, 1],
                TimeZone = DateTimeZoneProviders.Tzdb["Europe/Rome"],
                SendAt = new LocalTime(9, 0),
                State = SubscriptionState.Active,
                Origin = SubscriptionOrigin.Admin,
            }, Now - Duration.FromDays(60));
        }
    }

    private static int Check(DispatchResult result) =>
        result.Sent == Subscribers ? result.Sent : throw new InvalidOperationException($"{result.Sent} sent, {result.Failed} failed: expected {Subscribers}.");

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
