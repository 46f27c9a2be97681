using System.ComponentModel.DataAnnotations;

namespace Calendar.Service;

/// <summary>The <c>Calendar</c> section of configuration (<c>config/appsettings.json</c>, or <c>Calendar__Key</c> variables).</summary>
internal sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>The folder of facts files (YAML and CSV), relative to the working directory. Default <c>seeds</c>.</summary>
    [Required]
    public string FactsPath { get; set; } = "seeds";

    /// <summary>Where the service keeps its state (database, outbox), created on first run. Default <c>data</c>.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>IANA zone that decides when "today" begins. Default <c>Asia/Almaty</c>.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Almaty";

    /// <summary>Pins today (<c>YYYY-MM-DD</c>) for demonstrations and tests; empty means the real date.</summary>
    public string? Today { get; set; }

    /// <summary>Every how many years an anniversary is a jubilee. Default 5.</summary>
    [Range(1, 100)]
    public int JubileeEvery { get; set; } = 5;

    /// <summary>How often the facts folder is checked for changes, besides file-system notifications. Default one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FactsPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long loading the facts folder may take before it is abandoned and reported (<c>/health</c> Degraded,
    /// the last good facts still serving; at start-up, the service refuses to start). Default 30 seconds: the
    /// largest folder the limits allow loads in a few seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FactsLoadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The address people reach the service at (<c>https://calendar.example.org/</c>), for links in emails and on the page.
    /// Unset: derived from where the service listens (see <see cref="PublicAddress"/>).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The country whose ministry or press speaks as "we" and "our" in the press releases <c>extract</c> reads
    /// (ISO 3166-1 alpha-2), and the first country of every draft. Default <c>KZ</c>. <c>--home</c> overrides it per article.
    /// </summary>
    [Required]
    public string HomeCountry { get; set; } = "KZ";

    /// <summary>
    /// How many whole years ahead occurrences are kept computed, and the feed reaches: from 1 January of last year to
    /// 31 December of this year plus this many. Default 5. The one horizon every reader slices (the JSON endpoint
    /// answers ranges outside it too, computed on request).
    /// </summary>
    [Range(1, 50)]
    public int HorizonYears { get; set; } = 5;
}
