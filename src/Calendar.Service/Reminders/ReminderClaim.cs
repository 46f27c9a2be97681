using Calendar.Service.Subscriptions;
using NodaTime;

namespace Calendar.Service.Reminders;

/// <summary>A digest this node has claimed and must now send, then mark: sent, failed or refused.</summary>
/// <param name="Subscription">Whom it goes to.</param>
/// <param name="MessageId">Derived from what it carries: the same when it is sent again after a failure or by another node.</param>
/// <param name="Attempt">Which attempt at these reminders this is (1 the first time): the wait before the next doubles with it.</param>
/// <param name="Reminders">What it carries, as claimed.</param>
/// <param name="TakenOver">Claimed from a node whose lease ran out (it died, or lost the database): it may have gone already.</param>
internal sealed record ReminderClaim(Subscription Subscription, string MessageId, int Attempt, IReadOnlyList<ClaimedReminder> Reminders, bool TakenOver);

/// <summary>One reminder of a claimed digest, as the ledger holds it.</summary>
internal sealed record ClaimedReminder(string OccurrenceId, int LeadDays, LocalDate DueOn, bool IsLate);

/// <summary>A digest the plan owes one subscription now: the ledger claims it, or passes if another node has.</summary>
internal sealed record PlannedDigest(IReadOnlyList<DueReminder> Due, string MessageId);

/// <summary>Who claims (this node's <c>Calendar:NodeName</c>, for the ledger's <c>claimed_by</c>) and for how long before another node may take over.</summary>
internal sealed record ReminderLease(string Node, Duration Length);
