using Calendar.Core;
using Calendar.Service.Subscriptions;
using NodaTime;

namespace Calendar.Service.Reminders;

/// <summary>One reminder owed: an occurrence, at one of the subscription's lead times.</summary>
/// <param name="Occurrence">What it is about.</param>
/// <param name="LeadDays">The lead time it is for (7: a week ahead).</param>
/// <param name="DueOn">The subscriber's local day it was due to go out.</param>
/// <param name="IsLate">Sent well after it was due (the service or the mail server was down): the email says so.</param>
/// <param name="DaysLeft">Days from the subscriber's today to the occurrence: what the email says ("in 7 days").</param>
/// <param name="Superseded">Larger lead times of the same occurrence that came due unsent (after downtime): this reminder covers them.</param>
internal sealed record DueReminder(Occurrence Occurrence, int LeadDays, LocalDate DueOn, int DaysLeft, bool IsLate, IReadOnlyList<int> Superseded);

/// <summary>What the ledger knows of one subscription's reminders, as the plan needs it.</summary>
/// <param name="Handled">(occurrence, lead) pairs that need nothing more: sent, being sent, superseded or refused.</param>
/// <param name="LastSentOn">For each occurrence, the last of the subscriber's local days a reminder of it was sent.</param>
internal sealed record ReminderHistory(IReadOnlySet<(string OccurrenceId, int LeadDays)> Handled, IReadOnlyDictionary<string, LocalDate> LastSentOn)
{
    public static ReminderHistory Empty { get; } = new(new HashSet<(string, int)>(), new Dictionary<string, LocalDate>());
}

/// <summary>Which reminders a subscription is owed now, in its own time zone. Pure: the ledger says what was handled.</summary>
/// <remarks>
/// A reminder at lead L for an occurrence on day D is due on D − L at the subscription's send time, local.
/// Due means "at or before now and not yet handled", not "exactly now": a run that was missed (downtime, a failed
/// SMTP server) is made good at the next run, marked late, unless the occurrence has already begun. When
/// several lead times of one occurrence are owed at once, only the nearest is sent. A lead time that falls due
/// on or before the day a reminder of the occurrence last went out is owed nothing: that reminder, sent late
/// after downtime, already said how far off the occurrence is, and one a day is the most anyone gets. Nothing
/// is owed for lead times that fell due before the subscription began, and year-precision occurrences get no
/// reminders (no day to count from; they are on the page).
/// </remarks>
internal static class ReminderPlan
{
    /// <summary>A reminder sent more than this after its due time says it is late.</summary>
    public static readonly Duration LateAfter = Duration.FromHours(1);

    public static IReadOnlyList<DueReminder> Due(
        Subscription subscription, IEnumerable<Occurrence> candidates, Instant now, ReminderHistory history)
    {
        var handled = history.Handled;
        var zone = subscription.TimeZone;
        var local = now.InZone(zone);
        var today = local.Date;
        // The last day whose send time has come: today after the send time, yesterday before it.
        var lastSendDay = local.TimeOfDay >= subscription.SendAt ? today : today.PlusDays(-1);
        var firstSendDay = (subscription.ConfirmedAt ?? subscription.CreatedAt).InZone(zone).Date;

        var due = new List<DueReminder>();
        foreach (var occurrence in candidates)
        {
            var day = occurrence.Date.FirstDay;
            if (occurrence.Date.Precision == DatePrecision.Year || day < today)
            {
                continue;
            }

            var lastSent = history.LastSentOn.TryGetValue(occurrence.Id, out var sentOn) ? sentOn : LocalDate.MinIsoValue;
            var owed = subscription.LadderFor(occurrence)
                .Where(lead => day.PlusDays(-lead) is var dueOn && dueOn <= lastSendDay && dueOn >= firstSendDay && dueOn > lastSent)
                .Order()
                .ToList();
            if (owed.Count == 0 || handled.Contains((occurrence.Id, owed[0])))
            {
                continue;
            }

            var lead = owed[0];
            var dueOn = day.PlusDays(-lead);
            var dueAt = dueOn.At(subscription.SendAt).InZoneLeniently(zone).ToInstant();
            var superseded = owed.Skip(1).Where(larger => !handled.Contains((occurrence.Id, larger))).ToList();
            due.Add(new DueReminder(occurrence, lead, dueOn, Period.DaysBetween(today, day), now - dueAt > LateAfter, superseded));
        }

        return due;
    }
}
