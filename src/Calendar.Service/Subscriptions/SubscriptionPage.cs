using System.Globalization;
using Calendar.Service.Upcoming;
using Microsoft.AspNetCore.Mvc;

namespace Calendar.Service.Subscriptions;

/// <summary>The query of <c>GET /api/subscriptions</c>, as given: <c>after</c> an id, at most <c>limit</c> subscriptions.</summary>
/// <remarks>Strings, parsed by <see cref="Parse"/>: a binding failure would answer a 400 that names no parameter.</remarks>
internal sealed record SubscriptionPageParameters(
    [FromQuery(Name = "after")] string? After,
    [FromQuery(Name = "limit")] string? Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static readonly string[] Names = ["after", "limit"];

    /// <summary>The page asked for, or null with every problem recorded in <paramref name="errors"/>.</summary>
    public SubscriptionPage? Parse(QueryErrors errors)
    {
        var after = WholeNumber(After, 0);
        if (after is null)
        {
            errors.Add("after", $"'{After}' must be a whole number, 0 or more: the id the page starts after");
        }

        var limit = WholeNumber(Limit, DefaultLimit);
        if (limit is null or < 1 or > MaxLimit)
        {
            errors.Add("limit", $"'{Limit}' must be a whole number of subscriptions from 1 to {MaxLimit}");
        }

        return errors.Any ? null : new SubscriptionPage(after!.Value, (int)limit!.Value);
    }

    /// <summary>The number given, <paramref name="absent"/> when none is, null when it is not a whole number.</summary>
    private static long? WholeNumber(string? text, long absent) =>
        string.IsNullOrWhiteSpace(text) ? absent
        : long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : null;
}

/// <summary>A page of subscriptions: at most <see cref="Limit"/> of them, those whose id comes after <see cref="After"/>.</summary>
/// <remarks>
/// Keyset paging: the next page starts after the last id of this one, so a page costs the same however far along it
/// is, and a subscription added or deleted meanwhile moves no other from one page to the next.
/// </remarks>
internal sealed record SubscriptionPage(long After, int Limit)
{
    /// <summary>The RFC 8288 link to the page after the one that ended at <paramref name="lastId"/>, relative to <paramref name="request"/>'s path.</summary>
    public string NextLink(HttpRequest request, long lastId) =>
        string.Create(CultureInfo.InvariantCulture, $"<{(request.PathBase + request.Path).ToUriComponent()}?after={lastId}&limit={Limit}>; rel=\"next\"");
}
