using System.Text;
using Calendar.Core;
using Calendar.Service.Feed;
using Calendar.Service.Page;
using Calendar.Service.Subscriptions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Calendar.Service.Reminders;

/// <summary>What one digest says, in plain text and in HTML with the page's look: the reminders, links to them on the page, the filter that chose them, and the way out.</summary>
/// <remarks>
/// Public, with public types only, because Razor components are (dotnet/aspnetcore#63041). <c>Due</c> is nearest
/// first; <c>Site</c> is the public address of the page.
/// </remarks>
public sealed record ReminderDigest(
    string Email, OccurrenceFilter Filter, IReadOnlyList<int> LeadDays, IReadOnlyList<int> JubileeLeadDays, string TimeZone, LocalTime SendAt,
    IReadOnlyList<DigestReminder> Due, Wording Wording, Uri Site, Uri Unsubscribe)
{
    internal static ReminderDigest For(Subscription subscription, IReadOnlyList<DueReminder> due, Wording wording, Uri site, Uri unsubscribe) => new(
        subscription.Email, subscription.Filter, subscription.LeadDays, subscription.JubileeLeadDays, subscription.TimeZone.Id, subscription.SendAt,
        [.. due.Select(r => new DigestReminder(r.Occurrence, r.DaysLeft, r.IsLate, r.DueOn, r.LeadDays))], wording, site, unsubscribe);

    /// <summary>The digest's own words, in the wording's language.</summary>
    public EmailText Text => EmailText.For(Wording.LanguageOf());

    /// <summary>The page, filtered as the subscription is and in its language: every event the reminders could be about.</summary>
    public Uri Page => new(Site, FeedFilter.ToQueryString(Filter, Wording.LanguageOf() is var language && language != Language.En ? language : null).ToUriComponent());

    /// <summary>The event on the page (<c>/?country=IT#kz-it-relations.2027</c>).</summary>
    public Uri LinkTo(Occurrence occurrence) => new(Page, "#" + Uri.EscapeDataString(occurrence.Id));

    /// <summary>The reminders by how far off they are: "In 90 days", then "In 7 days", then "Tomorrow".</summary>
    public IEnumerable<IGrouping<int, DigestReminder>> ByDistance => Due.GroupBy(r => r.DaysLeft).OrderByDescending(group => group.Key);

    /// <summary>"You get these reminders for visits involving Italy, 30, 7 and 1 days ahead (jubilees 90, 30, 7 and 1), at 09:00 in Europe/Rome."</summary>
    public string Why => Text.Why(Wording.Describe(Filter), LeadDays, JubileeLeadDays, SendAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), TimeZone);

    public string Late(DigestReminder reminder) => Text.Late(Wording.DateText(reminder.DueOn), reminder.LeadDays);
}

/// <summary>One reminder of a digest: the occurrence, how far off it is, and whether it comes late (and was due when, at which lead time).</summary>
public sealed record DigestReminder(Occurrence Occurrence, int DaysLeft, bool IsLate, LocalDate DueOn, int LeadDays);

/// <summary>Renders a <see cref="ReminderDigest"/>: the HTML through Razor (<see cref="ReminderDigestEmail"/>), encoded by the framework, with the page's stylesheet inlined for mail clients.</summary>
internal static class ReminderEmailBody
{
    // The email's components use no services but the page's encoder.
    private static readonly IServiceProvider Services = new ServiceCollection().AddSingleton(PageServices.Encoder).BuildServiceProvider();

    public static string Text(ReminderDigest digest)
    {
        var wording = digest.Wording;
        var text = new StringBuilder();
        foreach (var group in digest.ByDistance)
        {
            text.Append(wording.SentenceStart(wording.Until(group.Key))).Append("\n\n");
            foreach (var reminder in group)
            {
                text.Append(wording.Title(reminder.Occurrence)).Append('\n');
                foreach (var line in wording.Overview(reminder.Occurrence))
                {
                    text.Append(line.Label).Append(": ").Append(line.Text).Append('\n');
                }

                if (reminder.IsLate)
                {
                    text.Append('(').Append(digest.Text.LateLabel).Append(": ").Append(digest.Late(reminder)).Append(".)\n");
                }

                text.Append(digest.Text.OnTheCalendar).Append(": ").Append(digest.LinkTo(reminder.Occurrence).AbsoluteUri).Append("\n\n");
            }
        }

        text.Append(digest.Text.AttachedIcs).Append('\n')
            .Append(digest.Why).Append('\n')
            .Append(digest.Text.EverythingTheyCouldBeAbout).Append(": ").Append(digest.Page.AbsoluteUri).Append('\n')
            .Append(digest.Text.Stop).Append(": ").Append(digest.Unsubscribe.AbsoluteUri).Append('\n');
        return text.ToString();
    }

    public static async Task<string> HtmlAsync(ReminderDigest digest)
    {
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ReminderDigestEmail.Digest)] = digest });
            return (await renderer.RenderComponentAsync<ReminderDigestEmail>(parameters)).ToHtmlString();
        });
        // Many mail clients ignore <style> (or the classes it names): each element gets its rules as a style
        // attribute; the <style> block stays for those that read it, and for the phone-width rules.
        var inlined = PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: false, removeComments: true);
        return inlined.Html;
    }
}
