using Calendar.Service.Reminders;
using NodaTime;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>Never two reminders of one occurrence to one subscriber on one local day; every distinct digest its own Message-Id.</summary>
public class OneReminderADayTests
{
    [Fact]
    public async Task DowntimeAcrossALeadDay_AndARestartBeforeTheSendTime_GiveOneDigestThatDay_NotTwo()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var data = new TempFolder();
        // Alice (Rome, 09:00) follows Brobdingnag: the 35th anniversary on 21 August is a jubilee, reminded 7 and 1 days ahead.
        using (var before = Host(facts, At(2027, 8, 13, 9, 5, "Europe/Rome"), mail.SmtpPort, data.Path))
        {
            Assert.Equal(0, (await before.DispatchAsync()).Sent);
        }

        // Down from the 13th across the 7-day lead day (the 14th); back at 08:00 on the 20th, before the send time.
        using var after = Host(facts, At(2027, 8, 20, 8, 0, "Europe/Rome"), mail.SmtpPort, data.Path);
        Assert.Equal(1, (await after.DispatchAsync()).Sent);
        after.Clock.Reset(At(2027, 8, 20, 9, 5, "Europe/Rome"));
        Assert.Equal(0, (await after.DispatchAsync()).Sent);
        after.Clock.Reset(At(2027, 8, 21, 9, 5, "Europe/Rome"));
        Assert.Equal(0, (await after.DispatchAsync()).Sent);

        var received = Assert.Single(await mail.MessagesAsync());
        Assert.Equal("Tomorrow: 35th anniversary of diplomatic relations, Xanadu – Brobdingnag (21 August 2027)", received.Message.Subject);
        Assert.Contains("(Late: this reminder was due on 14 August 2027, 7 days ahead.)", received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRunsAtOnce_SendOneDigest()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        app.Start();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.DispatchAsync)));

        Assert.Equal(1, results.Sum(r => r.Sent));
        Assert.Single(await mail.WaitForAsync(1));
    }

    [Fact]
    public async Task TheLedger_RefusesASecondReminderOfAnOccurrenceOnOneLocalDay_WhateverItsLeadTime()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 20, 9, 30, "Europe/Rome"), smtpPort: null);
        var now = app.Clock.GetCurrentInstant();
        var occurrence = app.Get<Calendar.Service.Timeline.CalendarState>().Current
            .Between(new DateInterval(new LocalDate(2027, 8, 21), new LocalDate(2027, 8, 21)), Calendar.Core.OccurrenceFilter.All).Single();
        var alice = app.Get<Calendar.Service.Subscriptions.SubscriptionStore>().FindByEmail("alice@example.org")!;
        var ledger = app.Get<ReminderLedger>();
        var lease = new ReminderLease("test-node", Duration.FromMinutes(5));
        // A plan that ignores the history, as a bug or a race would: only the ledger stands in the way.
        Task<IReadOnlyList<ReminderClaim>> Claim(int lead, Instant at) => ledger.ClaimAsync(
            [alice], (_, _) => new PlannedDigest([new(occurrence, lead, new LocalDate(2027, 8, 21).PlusDays(-lead), 1, lead > 1, [])], $"<{lead}>"),
            at, lease, TestContext.Current.CancellationToken);

        await ledger.MarkSentAsync(Assert.Single(await Claim(7, now)), now, TestContext.Current.CancellationToken);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Claim(1, now));
        var nextDay = Assert.Single(await Claim(1, now + Duration.FromDays(1)));
        Assert.Equal(1, Assert.Single(nextDay.Reminders).LeadDays);
    }

    [Fact]
    public async Task ASecondDigestTheSameDay_ForAnotherEvent_HasItsOwnMessageId()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        Assert.Equal(1, (await app.DispatchAsync()).Sent);

        // An editor adds a visit to Brobdingnag a week from today; the next run sends it, the same day.
        facts.Write("visit.yaml", """
            facts:
              - id: xa-xb-visit
                kind: visit
                countries: [XA, XB]
                date: 2027-08-21
                title: Xanadu's foreign minister visits Brobdingnag
                sources: [{ title: "[Invented]", outlet: Test Gazette, published: 2027-08-14 }]
            """);
        app.Get<Calendar.Service.Timeline.CalendarRefresher>().Refresh();
        app.Clock.Advance(Duration.FromHours(1));
        Assert.Equal(1, (await app.DispatchAsync()).Sent);

        var ids = (await mail.WaitForAsync(2)).Select(r => r.Message.MessageId).ToList();
        Assert.Equal(2, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(@"^reminders\.1\.[0-9a-f]{32}@calendar\.local$", id));
    }

    [Fact]
    public void TheMessageId_IsDerivedFromWhatTheDigestCarries()
    {
        var first = ReminderEmail.MessageIdFor(1, [("xa-xb-relations.2027", 7), ("xa-xc-visit", 1)], "calendar.local");

        Assert.Equal(first, ReminderEmail.MessageIdFor(1, [("xa-xc-visit", 1), ("xa-xb-relations.2027", 7)], "calendar.local"));
        Assert.NotEqual(first, ReminderEmail.MessageIdFor(2, [("xa-xb-relations.2027", 7), ("xa-xc-visit", 1)], "calendar.local"));
        Assert.NotEqual(first, ReminderEmail.MessageIdFor(1, [("xa-xb-relations.2027", 1), ("xa-xc-visit", 1)], "calendar.local"));
        Assert.NotEqual(first, ReminderEmail.MessageIdFor(1, [("xa-xb-relations.2027", 7)], "calendar.local"));
    }
}
