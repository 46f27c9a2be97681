using System.Diagnostics;
using System.Globalization;
using Calendar.Core;
using Calendar.Service.Facts;
using Calendar.Service.Feed;
using NodaTime;
using NodaTime.Text;
using IcalCalendar = Ical.Net.Calendar;

namespace Calendar.Benchmarks;

/// <summary>
/// The yardstick for the first build of the unfiltered world feed: one plain Ical.Net serialization of the same
/// events (built as one object graph, then serialized), timed alone. Prints the seconds it took.
/// </summary>
/// <remarks><c>Calendar.Benchmarks world-baseline FACTS_FOLDER TODAY HORIZON_YEARS</c>, run by <c>bench/e2e.py</c> before it starts the service.</remarks>
internal static class WorldBaseline
{
    public static int Run(string folder, string today, int horizonYears)
    {
        var load = FactsLoader.Load(new FactsFolder(folder), TimeSpan.FromMinutes(5));
        var facts = load.Facts ?? throw new InvalidOperationException(string.Join('\n', load.Errors));
        var day = LocalDatePattern.Iso.Parse(today).Value;
        var horizon = new DateInterval(new LocalDate(day.Year - 1, 1, 1), new LocalDate(day.Year + horizonYears, 12, 31));
        var stamp = load.Version!.LastModified;
        var calendar = new IcalCalendar { ProductId = FeedBuilder.ProductId };
        foreach (var occurrence in new OccurrenceTimeline(facts, JubileeRule.Default).Between(horizon).Where(FeedEvent.IsListed))
        {
            calendar.Events.Add(FeedEvent.From(occurrence, facts.Countries, "calendar.local").ToCalendarEvent(0, stamp));
        }

        var watch = Stopwatch.StartNew();
        var text = new Ical.Net.Serialization.CalendarSerializer().SerializeToString(calendar) ?? "";
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:F2} s to serialize {calendar.Events.Count} events ({text.Length} chars)"));
        return 0;
    }
}
