using System.Buffers.Text;
using System.Text.Json;

namespace Calendar.Service.Subscriptions;

/// <summary>What a confirmation link confirms: the choices as they were asked for, carried in the link and signed with it.</summary>
/// <remarks>
/// In the link rather than on the pending subscription, so that each request for an address confirms exactly what
/// it asked for: someone who posts the same address before or after cannot change what another's link confirms.
/// </remarks>
internal sealed record SubscriptionChoices(
    string Name, string[] Countries, string[] Kinds, bool? Jubilee, int[] LeadDays, int[] JubileeLeadDays, string TimeZone, string SendAt)
{
    public static SubscriptionChoices Of(Subscription subscription) => new(
        subscription.Name,
        [.. subscription.Filter.Countries.Order().Select(code => code.Value)],
        [.. subscription.Filter.Kinds.Order(StringComparer.Ordinal)],
        subscription.Filter.Jubilee,
        [.. subscription.LeadDays],
        [.. subscription.JubileeLeadDays],
        subscription.TimeZone.Id,
        subscription.SendAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The choices for <paramref name="email"/>, to be checked again: the facts may have changed since the link was sent.</summary>
    public SubscriptionInput ToInput(string email) => new(email, Name, Countries, Kinds, Jubilee, LeadDays, JubileeLeadDays, TimeZone, SendAt);

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
