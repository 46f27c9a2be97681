using Calendar.Core;
using Calendar.Service.Reminders;
using Calendar.Service.Subscriptions;
using NodaTime;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>What is due, worked out without I/O: the subscriber's zone, send time, ladders and the ledger's answers.</summary>
public class ReminderPlanTests
{
    private static readonly CountryCode XA = CountryCode.Parse("XA");
    private static readonly CountryCode XB = CountryCode.Parse("XB");

    private static readonly Fact Relations = new()
    {
        Id = "xa-xb-relations", Kind = FactKind.Relations, Countries = [XA, XB], Date = PartialDate.Parse("1992-08-21"),
        Title = "Relations", Recurs = true, Sources = [new Source("[Invented]", null, null, null)],
    };

    [Theory]
    [InlineData(8, 59, 0)]
    [InlineData(9, 0, 1)]
    [InlineData(23, 59, 1)]
    public void AReminder_IsDueFromTheSendTimeInTheSubscribersZone(int hour, int minute, int expected) =>
        Assert.Equal(expected, Due(At(2027, 8, 14, hour, minute, "Asia/Tokyo"), "Asia/Tokyo", handled: [("xa-xb-relations.2027", 90), ("xa-xb-relations.2027", 30)]).Count);

    [Fact]
    public void AJubilee_UsesTheLongerLadder_AndSaysHowFarOffItIs()
    {
        var due = Assert.Single(Due(At(2027, 5, 23, 9, 0, "Europe/Rome"), "Europe/Rome"));

        Assert.Equal(90, due.LeadDays);
        Assert.Equal(90, due.DaysLeft);
        Assert.False(due.IsLate);
    }

    [Fact]
    public void SeveralMissedLeadTimes_SendTheNearestOnly_MarkedLate_AndSupersedeTheOthers()
    {
        var due = Assert.Single(Due(At(2027, 8, 16, 9, 0, "Europe/Rome"), "Europe/Rome", created: At(2027, 1, 1, 0, 0, "Europe/Rome")));

        Assert.Equal(7, due.LeadDays);
        Assert.Equal(5, due.DaysLeft);
        Assert.True(due.IsLate);
        Assert.Equal([30, 90], due.Superseded);
    }

    [Fact]
    public void WhatTheLedgerHandled_IsNotDueAgain() =>
        Assert.Empty(Due(At(2027, 8, 14, 9, 30, "Europe/Rome"), "Europe/Rome", handled: [("xa-xb-relations.2027", 7)]));

    [Fact]
    public void ALeadTimeDueOnTheDayAReminderOfTheOccurrenceWentOut_IsNotOwed()
    {
        // The 7-day reminder went out late on the 20th, before 09:00; the 1-day one falls due that day at 09:00.
        var lastSent = new Dictionary<string, LocalDate> { ["xa-xb-relations.2027"] = new(2027, 8, 20) };

        Assert.Empty(Due(At(2027, 8, 20, 9, 5, "Europe/Rome"), "Europe/Rome", handled: [("xa-xb-relations.2027", 7)], lastSent: lastSent));
        Assert.Equal(1, Assert.Single(Due(At(2027, 8, 20, 9, 5, "Europe/Rome"), "Europe/Rome", handled: [("xa-xb-relations.2027", 7)])).LeadDays);
    }

    [Fact]
    public void LeadTimesThatFellDueBeforeTheSubscriptionBegan_AreNotOwed() =>
        Assert.Empty(Due(At(2027, 8, 14, 8, 0, "Europe/Rome"), "Europe/Rome", created: At(2027, 8, 14, 8, 0, "Europe/Rome")));

    [Fact]
    public void AnOccurrenceThatHasBegun_IsOwedNothing() =>
        Assert.Empty(Due(At(2027, 8, 22, 9, 30, "Europe/Rome"), "Europe/Rome", created: At(2027, 1, 1, 0, 0, "Europe/Rome")));

    [Fact]
    public void AYearPrecisionOccurrence_GetsNoReminder()
    {
        var partnership = Relations with { Id = "xa-xb-partnership", Kind = FactKind.StrategicPartnership, Date = PartialDate.Parse("2009") };
        var subscription = Subscription("Europe/Rome", At(2026, 1, 1, 0, 0, "Europe/Rome"));
        var occurrences = new OccurrenceTimeline(new FactSet([partnership], CountryCatalog.Iso.With([new(XA, "Xanadu"), new(XB, "Brobdingnag")])), JubileeRule.Default)
            .Between(new DateInterval(new LocalDate(2026, 12, 1), new LocalDate(2027, 12, 31)));

        Assert.Empty(ReminderPlan.Due(subscription, occurrences, At(2026, 12, 2, 9, 30, "Europe/Rome"), ReminderHistory.Empty));
    }

    private static IReadOnlyList<DueReminder> Due(
        Instant now, string zone, Instant? created = null, (string, int)[]? handled = null, Dictionary<string, LocalDate>? lastSent = null)
    {
        var subscription = Subscription(zone, created ?? At(2027, 1, 1, 0, 0, zone));
        var timeline = new OccurrenceTimeline(new FactSet([Relations], CountryCatalog.Iso.With([new(XA, "Xanadu"), new(XB, "Brobdingnag")])), JubileeRule.Default);
        var occurrences = timeline.Between(new DateInterval(new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31)));
        return ReminderPlan.Due(subscription, occurrences, now, new ReminderHistory(new HashSet<(string, int)>(handled ?? []), lastSent ?? new Dictionary<string, LocalDate>()));
    }

    private static Subscription Subscription(string zone, Instant created) => new()
    {
        Id = 1,
        Email = "alice@example.org",
        Filter = OccurrenceFilter.All,
        LeadDays = [30, 7, 1],
        JubileeLeadDays = [90, 30, 7, 1],
        TimeZone = DateTimeZoneProviders.Tzdb[zone],
        SendAt = new LocalTime(9, 0),
        State = SubscriptionState.Active,
        CreatedAt = created,
    };
}
