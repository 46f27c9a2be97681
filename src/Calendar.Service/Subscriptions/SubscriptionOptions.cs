namespace Calendar.Service.Subscriptions;

/// <summary>The settings of subscriptions and their links, in the <c>Calendar</c> section.</summary>
internal sealed class SubscriptionOptions
{
    /// <summary>The key the admin API asks for in <c>X-Api-Key</c>. No default: unset, the admin API refuses everyone.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Signs confirmation and unsubscribe links (HMAC-SHA256). Unset: a random secret kept in the data folder.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Subscriptions kept in configuration, upserted by email on start.</summary>
    public List<ConfiguredSubscription> Subscriptions { get; set; } = [];
}

/// <summary>One entry of <c>Calendar:Subscriptions</c>; <c>--Calendar:Subscriptions:0:Email=...</c> binds like any option.</summary>
internal sealed class ConfiguredSubscription
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public List<string> Countries { get; set; } = [];

    public List<string> Kinds { get; set; } = [];

    /// <summary>true: jubilee anniversaries only; false: everything but jubilees; unset: no restriction.</summary>
    public bool? Jubilee { get; set; }

    /// <summary>The older way to say <see cref="Jubilee"/> = true; kept so that existing files keep working.</summary>
    public bool JubileeOnly { get; set; }

    public List<int> LeadDays { get; set; } = [];

    public List<int> JubileeLeadDays { get; set; } = [];

    public string? TimeZone { get; set; }

    public string? SendAt { get; set; }

    /// <summary>The language of the emails: <c>en</c> (default), <c>ru</c> or <c>kk</c>.</summary>
    public string? Language { get; set; }
}
