using Calendar.Core;
using Calendar.Service.Reminders;
using Calendar.Service.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Quartz;

namespace Calendar.Service.Tests.Reminders;

/// <summary>Invented facts and subscribers for the reminder tests, and a host whose dispatch the test drives.</summary>
internal static class ReminderFacts
{
    public const string Yaml = """
        countries: { XA: Xanadu, XB: Brobdingnag, XC: Lilliput }
        facts:
          - id: xa-xb-relations
            kind: relations
            countries: [XA, XB]
            date: 1992-08-21
            title: Relations established
            sources: [{ title: "[Invented]", outlet: Test Gazette, published: 2022-08-21 }]
          - id: xa-xc-relations
            kind: relations
            countries: [XA, XC]
            date: 1996-03-01
            title: Relations established
            sources: [{ title: "[Invented]", outlet: Test Gazette, published: 2022-08-21 }]
          - id: xa-xc-visit
            kind: visit
            countries: [XA, XC]
            date: 2027-06
            status: planned
            place: { city: Mildendo, country: XC }
            title: Xanadu's foreign minister visits Lilliput
            sources: [{ title: "[Invented]", outlet: Test Gazette, published: 2027-01-10 }]
        """;

    /// <summary>09:30 in Rome on 14 August 2027: Alice's reminder of the 35th anniversary with Brobdingnag, 7 days ahead, is due.</summary>
    public static readonly Instant WeekAhead = At(2027, 8, 14, 9, 30, "Europe/Rome");

    /// <summary>An active subscription from Rome to everything, reminded at 09:00 with the default lead times.</summary>
    public static Subscription InRome(string email) => new()
    {
        Email = email,
        Filter = OccurrenceFilter.All,
        LeadDays = [30, 7, 1],
        JubileeLeadDays = [90, 30, 7, 1],
        TimeZone = DateTimeZoneProviders.Tzdb["Europe/Rome"],
        SendAt = new LocalTime(9, 0),
        State = SubscriptionState.Active,
        Origin = SubscriptionOrigin.Admin,
    };

    /// <summary><paramref name="count"/> more subscribers (reader0@example.org, ...) who follow Brobdingnag from Rome, as Alice does.</summary>
    public static CalendarApplication WithReaders(this CalendarApplication app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            app.With($"Calendar:Subscriptions:{i + 2}:Email", $"reader{i}@example.org")
                .With($"Calendar:Subscriptions:{i + 2}:Countries:0", "XB")
                .With($"Calendar:Subscriptions:{i + 2}:TimeZone", "Europe/Rome");
        }

        return app;
    }

    /// <summary>A host with two subscribers (Alice: Brobdingnag, in Rome; Bob: Lilliput, in Almaty), mail to <paramref name="smtpPort"/>.</summary>
    public static CalendarApplication Host(TempFolder facts, Instant now, int? smtpPort, string? dataPath = null)
    {
        if (!File.Exists(Path.Combine(facts.Path, "facts.yaml")))
        {
            facts.Write("facts.yaml", Yaml);
        }

        var app = new CalendarApplication(facts.Path, now)
            .With("Calendar:Subscriptions:0:Email", "alice@example.org")
            .With("Calendar:Subscriptions:0:Name", "Alice")
            .With("Calendar:Subscriptions:0:Countries:0", "XB")
            .With("Calendar:Subscriptions:0:TimeZone", "Europe/Rome")
            .With("Calendar:Subscriptions:1:Email", "bob@example.org")
            .With("Calendar:Subscriptions:1:Countries:0", "XC")
            .With("Calendar:Subscriptions:1:TimeZone", "Asia/Almaty")
            .With("Calendar:PublicBaseUrl", "http://calendar.test/")
            // The test runs dispatch itself, at the instants it chooses.
            .WithServices(services => services.Configure<QuartzHostedServiceOptions>(options => options.AutoStart = false));
        if (smtpPort is { } port)
        {
            app.With("Calendar:Smtp:Host", "127.0.0.1").With("Calendar:Smtp:Port", $"{port}").With("Calendar:Smtp:Security", "None");
        }

        if (dataPath is not null)
        {
            app.With("Calendar:DataPath", dataPath);
        }

        return app;
    }

    /// <summary>A client of the admin API that asks for JSON, with <paramref name="key"/> in <c>X-Api-Key</c> (none when null or empty).</summary>
    public static HttpClient AdminClient(this CalendarApplication app, string? key)
    {
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(key))
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public static Task<DispatchResult> DispatchAsync(this CalendarApplication app) =>
        app.Get<ReminderDispatcher>().RunAsync(TestContext.Current.CancellationToken);

    /// <summary>The instant of a local date and time in a zone: "09:30 in Rome on 14 August 2027".</summary>
    public static Instant At(int year, int month, int day, int hour, int minute, string zone) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(DateTimeZoneProviders.Tzdb[zone]).ToInstant();
}
