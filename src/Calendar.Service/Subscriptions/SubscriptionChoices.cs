using System.Buffers.Text;
using System.Text.Json;
using Calendar.Core;
using NodaTime;

namespace Calendar.Service.Subscriptions;

/// <summary>What a confirmation link confirms: the choices as they were asked for, carried in the link and signed with it.</summary>
/// <param name="Name">The display name.</param>
/// <param name="Countries">ISO codes.</param>
/// <param name="Kinds">Kind names.</param>
/// <param name="Jubilee">true, false, or null: no restriction.</param>
/// <param name="LeadDays">The ladder.</param>
/// <param name="JubileeLeadDays">The jubilees' ladder.</param>
/// <param name="TimeZone">IANA id.</param>
/// <param name="SendAt">HH:mm.</param>
/// <remarks>
/// In the link rather than on the pending subscription, so that each request for an address confirms exactly what
/// it asked for: someone who posts the same address before or after cannot change what another's link confirms.
/// </remarks>
/// <param name="Issued">When the link was sent, in Unix seconds: it works for <see cref="ValidFor"/>.</param>
/// <param name="Language">The emails' language tag; absent in links sent before there was a choice (English).</param>
internal sealed record SubscriptionChoices(
    string Name, string[] Countries, string[] Kinds, bool? Jubilee, int[] LeadDays, int[] JubileeLeadDays, string TimeZone, string SendAt, long Issued, string? Language = null)
{
    public static readonly Duration ValidFor = Duration.FromDays(7);

    public bool IsExpired(Instant now) => now - Instant.FromUnixTimeSeconds(Issued) > ValidFor;

    public static SubscriptionChoices Of(Subscription subscription, Instant issued) => new(
        subscription.Name,
        [.. subscription.Filter.Countries.Order().Select(code => code.Value)],
        [.. subscription.Filter.Kinds.Order(StringComparer.Ordinal)],
        subscription.Filter.Jubilee,
        [.. subscription.LeadDays],
        [.. subscription.JubileeLeadDays],
        subscription.TimeZone.Id,
        subscription.SendAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        issued.ToUnixTimeSeconds(),
        subscription.Language.Tag());

    /// <summary>The choices for <paramref name="email"/>, to be checked again: the facts may have changed since the link was sent.</summary>
    public SubscriptionInput ToInput(string email) => new(email, Name, Countries, Kinds, Jubilee, LeadDays, JubileeLeadDays, TimeZone, SendAt, Language: Language);

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, JsonSerializerOptions.Web));

    /// <summary>The choices in <paramref name="text"/>; null when it is not what <see cref="Encode"/> wrote. Only decode signed text.</summary>
    public static SubscriptionChoices? Decode(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<SubscriptionChoices>(Base64Url.DecodeFromChars(text), JsonSerializerOptions.Web);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
