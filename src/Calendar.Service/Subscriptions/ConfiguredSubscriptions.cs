using Calendar.Service.Storage;
using Calendar.Service.Timeline;
using Calendar.Service.Upcoming;
using Microsoft.Extensions.Options;

namespace Calendar.Service.Subscriptions;

/// <summary>Applies <c>Calendar:Subscriptions</c> by email, before the host starts: a small office keeps its list in a file.</summary>
/// <remarks>
/// Runs after the facts are loaded (countries are checked against them). An invalid entry stops the start with
/// <c>Calendar:Subscriptions:N:Field: message</c>, through the same path as any invalid option.
/// A new address is created active; a known one gets the configured choices but keeps its state: configuration
/// creates and updates, and never starts again an address that unsubscribed or that the mail server refused for
/// good (an administrator does that on purpose: <c>POST /api/subscriptions/{id}/activate</c>). One still waiting
/// for its confirmation link is started: the administrator vouches for it.
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
            if (store.FindByEmail(subscription.Email) is not { } existing)
            {
                store.Add(subscription, clock.CurrentInstant);
                continue;
            }

            store.UpdateChoices(existing.Id, subscription);
            if (existing.State == SubscriptionState.Pending)
            {
                store.Activate(existing.Id, clock.CurrentInstant);
            }
        }
    }
}
