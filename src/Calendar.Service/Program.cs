using System.Text.Encodings.Web;
using Calendar.Service;
using Calendar.Service.Caching;
using Calendar.Service.Cli;
using Calendar.Service.Cluster;
using Calendar.Service.Facts;
using Calendar.Service.Feed;
using Calendar.Service.Health;
using Calendar.Service.Page;
using Calendar.Service.Reminders;
using Calendar.Service.Storage;
using Calendar.Service.Subscriptions;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

// `upcoming` and `validate` answer on the console without starting the web server; help and usage errors end here.
var command = CommandLine.Parse(args);
if (command.ExitCode is { } answered)
{
    return answered;
}

// The host's own appsettings.json is read, not watched: the content root holds the data folder, and a watcher there woke at every database write.
var builder = WebApplication.CreateBuilder([.. command.HostArgs, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddCalendarConfiguration(command.HostArgs);
command.ConfigureLogging(builder);
// No "Server: Kestrel" on every response: strangers learn nothing of what answers, and a poll's 304 is that much shorter.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// The database (Calendar:Database: SQLite in the data folder, or PostgreSQL), migrated on start.
builder.Services.AddStorage(builder.Configuration);

// This replica's name, and which Quartz jobs run on every node and which on one node at a time.
builder.Services.AddCluster(builder.Configuration);

// Facts, today in the calendar's zone, and the Quartz job that keeps occurrences current.
builder.Services.AddTimeline(builder.Configuration);

// How many answers are built at once (pages, feeds, JSON not kept yet), however many connections ask.
builder.Services.AddBuildSlots(builder.Configuration);

// What is coming up, as JSON: answers kept per query, day and facts version, bounded by bytes.
builder.Services.AddUpcoming(builder.Configuration);

// The facts as JSON, with their sources: answers kept per facts version and countries, bounded by bytes.
builder.Services.AddFactsApi();

// The iCalendar feed: built once per filter and facts version, kept in memory, rebuilt when the calendar changes.
builder.Services.AddFeed(builder.Configuration);

// The page and the self-service pages: Razor components, encoded by the framework.
builder.Services.AddPages();

// Subscriptions (configured, admin API, self-service with double opt-in) and the reminder emails' Quartz job.
builder.Services.AddSubscriptions(builder.Configuration);
builder.Services.AddReminders(builder.Configuration);

// HTTP plumbing: NodaTime as ISO strings, RFC 9457 problems, health, OpenAPI.
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    // Readable text ("Қазақстан", "–", "'"): these bodies are served as application/json, never inlined into HTML.
    options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
});
builder.Services.AddProblemDetails();
// No Activity and log scope per request unless configuration or a tracing listener asks: nothing reads them.
builder.Services.AddRequestDiagnosticsOnlyWhenAsked();
// The address links in emails and on the page point at.
builder.Services.AddSingleton<PublicAddress>();
builder.Services.AddHealth();
builder.Services.AddApiDocumentation();

var app = builder.Build();

if (command.IsCommand)
{
    return await command.RunAsync(app.Services);
}

// Errors answer problem+json, never a stack trace.
app.UseExceptionHandler();
// Polls of feeds already built are answered here, before routing and the other middleware (their security headers set by the answer).
app.UseFeedRevalidation();
// The client's address from X-Forwarded-For, believed only from Calendar:ForwardedHeaders' proxies (rate limits count
// per client; the polls answered above are not limited, and nothing in their answer depends on who asked).
app.UseForwardedHeaders();
// Content-Security-Policy, nosniff, no referrer and no framing, on every response.
app.UseSecurityHeaders();
// Routing from here on: without this line the host would route every request first, feed polls answered above included.
app.UseRouting();
app.UseStatusCodePages();
app.UseRateLimiter();

app.MapUpcoming();
// The feed calendar apps subscribe to (webcal:// reaches the same path).
app.MapFeed();
// The page for people: the next twelve months, filters and subscribe links.
app.MapPage();
// Reminders: self-service for people, /api/subscriptions for administrators.
app.MapSelfService();
app.MapSubscriptionsAdmin();
app.MapFacts();
// Drafts from a press release, for administrators: proposed, never stored.
app.MapFactDrafts();
app.MapHealth();
app.MapApiDocumentation();

return await Startup.RunAsync(app);
