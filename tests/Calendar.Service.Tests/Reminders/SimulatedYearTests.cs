using NodaTime;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A year of days, a restart every month and a few days of downtime: every reminder that came due arrives exactly once.</summary>
public class SimulatedYearTests
{
    [Fact]
    public async Task AYearOfDailyRuns_WithRestartsAndDowntime_DeliversEachReminderExactlyOnce()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var data = new TempFolder();
        var downtime = new DateInterval(new LocalDate(2027, 7, 20), new LocalDate(2027, 7, 23));
        CalendarApplication? app = null;
        try
        {
            for (var day = new LocalDate(2027, 1, 1); day.Year == 2027; day = day.PlusDays(1))
            {
                if (downtime.Contains(day))
                {
                    app?.Dispose();
                    app = null;
                    continue;
                }

                // A new process every month, on the same data folder: the ledger is all that remembers.
                if (app is null || day.Day == 1)
                {
                    app?.Dispose();
                    app = Host(facts, At(day.Year, day.Month, day.Day, 0, 0, "Asia/Almaty"), mail.SmtpPort, data.Path);
                    app.Start();
                }

                // Shortly after each subscriber's 09:00, as the five-minute job would.
                foreach (var zone in new[] { "Asia/Almaty", "Europe/Rome" })
                {
                    app.Clock.Reset(At(day.Year, day.Month, day.Day, 9, 5, zone));
                    await app.DispatchAsync();
                }
            }
        }
        finally
        {
            app?.Dispose();
        }

        var received = (await mail.MessagesAsync()).Select(r => (To: r.To.Single(), Subject: r.Message.Subject ?? "", Late: r.Text.Contains("(Late:", StringComparison.Ordinal))).ToList();
        Assert.Equal(
        [
            // Alice follows Brobdingnag: the 35th anniversary is a jubilee, so 90, 30, 7 and 1 days ahead.
            ("alice@example.org", "In 90 days: 35th anniversary of diplomatic relations, Xanadu – Brobdingnag (21 August 2027)", false),
            // Due on 22 July, during the downtime: sent at the next run, 24 July, late, and counting the days left from then.
            ("alice@example.org", "In 28 days: 35th anniversary of diplomatic relations, Xanadu – Brobdingnag (21 August 2027)", true),
            ("alice@example.org", "In 7 days: 35th anniversary of diplomatic relations, Xanadu – Brobdingnag (21 August 2027)", false),
            ("alice@example.org", "Tomorrow: 35th anniversary of diplomatic relations, Xanadu – Brobdingnag (21 August 2027)", false),
            // Bob follows Lilliput: the 31st anniversary on 1 March (30, 7, 1) and the visit known only to the month (June).
            ("bob@example.org", "In 30 days: 31st anniversary of diplomatic relations, Xanadu – Lilliput (1 March 2027)", false),
            ("bob@example.org", "In 7 days: 31st anniversary of diplomatic relations, Xanadu – Lilliput (1 March 2027)", false),
            ("bob@example.org", "Tomorrow: 31st anniversary of diplomatic relations, Xanadu – Lilliput (1 March 2027)", false),
            ("bob@example.org", "In 30 days: Xanadu's foreign minister visits Lilliput, Xanadu – Lilliput (June 2027)", false),
            ("bob@example.org", "In 7 days: Xanadu's foreign minister visits Lilliput, Xanadu – Lilliput (June 2027)", false),
            ("bob@example.org", "Tomorrow: Xanadu's foreign minister visits Lilliput, Xanadu – Lilliput (June 2027)", false),
        ],
        received.OrderBy(r => r.To, StringComparer.Ordinal).ThenBy(r => Order(r.Subject)).ToList());
    }

    private static int Order(string subject) =>
        (subject.Contains("1 March", StringComparison.Ordinal) ? 0 : subject.Contains("June", StringComparison.Ordinal) ? 10 : 0)
        + (subject.StartsWith("In 90", StringComparison.Ordinal) ? 0 : subject.StartsWith("In 30", StringComparison.Ordinal) || subject.StartsWith("In 28", StringComparison.Ordinal) ? 1 : subject.StartsWith("In 7", StringComparison.Ordinal) ? 2 : 3);
}
