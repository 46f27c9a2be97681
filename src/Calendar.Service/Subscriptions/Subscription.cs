using Calendar.Core;
using NodaTime;

namespace Calendar.Service.Subscriptions;

/// <summary>Someone who wants reminders: where to send them, about what, how early, and at what local time.</summary>
internal sealed record Subscription
{
    public long Id { get; init; }

    public required string Email { get; init; }

    public string Name { get; init; } = "";

    public required OccurrenceFilter Filter { get; init; }

    /// <summary>Days ahead of an event that a reminder goes out: 30, 7, 1 by default.</summary>
    public required IReadOnlyList<int> LeadDays { get; init; }

    /// <summary>The longer ladder for jubilees: 90, 30, 7, 1 by default.</summary>
    public required IReadOnlyList<int> JubileeLeadDays { get; init; }

    public required DateTimeZone TimeZone { get; init; }

    public required LocalTime SendAt { get; init; }

    /// <summary>The language of its emails, subject included: English unless chosen.</summary>
    public Language Language { get; init; } = Language.En;

    public SubscriptionState State { get; init; }

    public SubscriptionOrigin Origin { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant? ConfirmedAt { get; init; }

    /// <summary>Set when the mail server refused the address for good (a 5xx for this recipient): no more attempts.</summary>
    public Instant? RejectedAt { get; init; }

    public string? RejectionReason { get; init; }

    /// <summary>Changes whenever the subscription is (re)created or ended, so that older links stop working.</summary>
    public string TokenStamp { get; init; } = "";

    public IReadOnlyList<int> LadderFor(Occurrence occurrence) => occurrence.IsJubilee == true ? JubileeLeadDays : LeadDays;
}

internal enum SubscriptionState
{
    /// <summary>Asked for from the page; waits for the confirmation link (double opt-in).</summary>
    Pending,
    Active,
    Unsubscribed,
}

internal enum SubscriptionOrigin
{
    Configuration,
    Admin,
    SelfService,
}
