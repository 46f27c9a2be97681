using Calendar.Service.Storage;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Subscriptions;

/// <summary>Upserts <c>Calendar:Subscriptions</c> by email, before the host starts: a small office keeps its list in a file.</summary>
/// <remarks>
/// Runs after the facts are loaded (countries are checked against them). An invalid entry stops the start with
/// <c>Calendar:Subscriptions:N:Field: message</c>, through the same path as any invalid option.
/// </remarks>
internal sealed class ConfiguredSubscriptions(
    IOptions<SubscriptionOptions> options, SubscriptionStore store, CalendarDatabase database, CalendarState calendar, CalendarClock clock, ReminderDefaults defaults)
{
    public void Apply()
    {
        var configured = options.Value.Subscriptions;
        if (configured.Count == 0)
        {
            return;
        }

        var checkedOnes = new List<Subscription>();
        var failures = new List<string>();
        for (var index = 0; index < configured.Count; index++)
        {
            var errors = new QueryErrors();
            if (SubscriptionInput.From(configured[index]).Check(calendar.Current.Facts.Countries, defaults, errors) is { } subscription)
            {
                checkedOnes.Add(subscription with { State = SubscriptionState.Active, Origin = SubscriptionOrigin.Configuration });
            }

            failures.AddRange(errors.Lines.Select(line => $"Calendar:Subscriptions:{index}:{line}"));
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException("Calendar:Subscriptions", typeof(SubscriptionOptions), failures);
        }

        database.Migrate();
        foreach (var subscription in checkedOnes)
        {
            store.Save(subscription, clock.CurrentInstant);
        }
    }
}
