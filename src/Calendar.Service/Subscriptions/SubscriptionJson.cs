using Calendar.Service.Reminders;
using NodaTime;

namespace Calendar.Service.Subscriptions;

/// <summary>A subscription as the admin API shows it, with how its deliveries went.</summary>
internal sealed record SubscriptionJson(
    long Id,
    string Email,
    string Name,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Kinds,
    bool JubileeOnly,
    IReadOnlyList<int> LeadDays,
    IReadOnlyList<int> JubileeLeadDays,
    string TimeZone,
    string SendAt,
    string State,
    string Origin,
    Instant CreatedAt,
    Instant? ConfirmedAt,
    Instant? RejectedAt,
    string? RejectionReason,
    DeliverySummary Deliveries)
{
    public static SubscriptionJson From(Subscription s, DeliverySummary deliveries) => new(
        s.Id,
        s.Email,
        s.Name,
        [.. s.Filter.Countries.Order().Select(code => code.Value)],
        [.. s.Filter.Kinds.Order(StringComparer.Ordinal)],
        s.Filter.Jubilee == true,
        s.LeadDays,
        s.JubileeLeadDays,
        s.TimeZone.Id,
        s.SendAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        SubscriptionStore.Wire(s.State),
        SubscriptionStore.Wire(s.Origin),
        s.CreatedAt,
        s.ConfirmedAt,
        s.RejectedAt,
        s.RejectionReason,
        deliveries);
}

/// <summary>The body of a create or update: <c>email</c> is required, everything else has a default.</summary>
internal sealed record SubscriptionRequest(
    string? Email,
    string? Name,
    string[]? Countries,
    string[]? Kinds,
    bool? JubileeOnly,
    int[]? LeadDays,
    int[]? JubileeLeadDays,
    string? TimeZone,
    string? SendAt)
{
    public SubscriptionInput ToInput() => new(Email, Name, Countries, Kinds, JubileeOnly, LeadDays, JubileeLeadDays, TimeZone, SendAt);
}
