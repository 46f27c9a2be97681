using System.ComponentModel.DataAnnotations;

namespace Calendar.Service.Reminders;

/// <summary><c>Calendar:Reminders</c>: when reminders go out, and from whom.</summary>
internal sealed class RemindersOptions
{
    public const string Section = "Calendar:Reminders";

    /// <summary>How often the dispatch job looks for what is due. Default five minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lead times in days of a subscription that does not choose. Default 30, 7, 1.</summary>
    public List<int> LeadDays { get; set; } = [];

    /// <summary>The longer ladder for jubilees. Default 90, 30, 7, 1.</summary>
    public List<int> JubileeLeadDays { get; set; } = [];

    /// <summary>Local send time of a subscription that does not choose, HH:mm. Default 09:00.</summary>
    [RegularExpression(@"^([01]\d|2[0-3]):[0-5]\d$", ErrorMessage = "Calendar:Reminders:SendAt must be HH:mm")]
    public string SendAt { get; set; } = "09:00";

    /// <summary>The sender of reminders. Default <c>Diplomatic Calendar &lt;calendar@localhost&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "Diplomatic Calendar <calendar@localhost>";

    /// <summary>The first wait before retrying after a transient failure; it doubles with each attempt, up to six hours.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a node's claim on a digest lasts: past it, the node is presumed dead and the next run on any node sends
    /// that digest again (same Message-Id). The node renews its claims while it sends; a send that takes longer than the
    /// whole lease (the SMTP timeout is 30 s) could go twice. Default five minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// SMTP connections a dispatch run sends over at once. A digest's transaction is mostly waiting for the other end
    /// (a round trip for the envelope, one for the data): with two, one is on the wire while the other waits. Every
    /// digest's final dot still waits until the one before it is marked, however many there are. Default 2.
    /// </summary>
    [Range(1, 8, ErrorMessage = "Calendar:Reminders:Connections must be between 1 and 8")]
    public int Connections { get; set; } = 2;

    // Lists bind by appending to what is there: the defaults are applied after binding, only when nothing was given.
    public IReadOnlyList<int> LeadDaysOrDefault => LeadDays.Count > 0 ? LeadDays : [30, 7, 1];

    public IReadOnlyList<int> JubileeLeadDaysOrDefault => JubileeLeadDays.Count > 0 ? JubileeLeadDays : [90, 30, 7, 1];
}

/// <summary><c>Calendar:Smtp</c>. Without a host, mail is written to the outbox folder instead.</summary>
internal sealed class SmtpOptions
{
    public const string Section = "Calendar:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls or SslOnConnect: explicit, because MailKit's Auto silently stays plaintext when STARTTLS is not offered.</summary>
    public SmtpSecurity? Security { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }
}

internal enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
