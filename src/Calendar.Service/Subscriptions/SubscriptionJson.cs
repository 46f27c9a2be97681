using Calendar.Core;
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
    bool? Jubilee,
    bool JubileeOnly,
    IReadOnlyList<int> LeadDays,
    IReadOnlyList<int> JubileeLeadDays,
    string TimeZone,
    string SendAt,
    string Language,
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
        s.Filter.Jubilee,
        s.Filter.Jubilee == true,
        s.LeadDays,
        s.JubileeLeadDays,
        s.TimeZone.Id,
        s.SendAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        s.Language.Tag(),
        SubscriptionStore.Wire(s.State),
        SubscriptionStore.Wire(s.Origin),
        s.CreatedAt,
        s.ConfirmedAt,
        s.RejectedAt,
        s.RejectionReason,
        deliveries);
}

/// <summary>The body of a create or update: <c>email</c> is required, everything else has a default.</summary>
/// <remarks>
/// <c>jubilee</c>: true, jubilee anniversaries only; false, everything but jubilees; absent or null, no restriction.
/// <c>jubileeOnly</c> is the older field (true is <c>jubilee: true</c>), kept for existing clients.
/// <c>language</c>: <c>en</c> (default), <c>ru</c> or <c>kk</c>, the language of the emails.
/// An unknown field is an error: a misspelt <c>jubile</c> would otherwise be dropped without a word.
/// </remarks>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
internal sealed record SubscriptionRequest(
    string? Email,
    string? Name,
    string[]? Countries,
    string[]? Kinds,
    bool? Jubilee,
    int[]? LeadDays,
    int[]? JubileeLeadDays,
    string? TimeZone,
    string? SendAt,
    bool? JubileeOnly,
    string? Language = null)
{
    public SubscriptionInput ToInput() => new(Email, Name, Countries, Kinds, Jubilee, LeadDays, JubileeLeadDays, TimeZone, SendAt, JubileeOnly, Language);
}
