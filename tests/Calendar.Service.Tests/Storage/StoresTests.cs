using Calendar.Core;
using Calendar.Service.Subscriptions;
using NodaTime;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Storage;

/// <summary>The subscription store and the form's mail cap, the same on both engines.</summary>
public class StoresTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 8, 14, 7, 30);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OneSubscriptionPerAddress_WhateverTheCaseOfItsLetters(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var database = test.Migrated();
        var store = new SubscriptionStore(database);

        var first = store.Add(InRome("Alice@Example.org"), Now);

        Assert.Null(store.Add(InRome("alice@EXAMPLE.ORG"), Now));
        Assert.Equal(first!.Id, store.FindByEmail("ALICE@example.org")!.Id);
        Assert.Equal(["Alice@Example.org"], (await store.AfterAsync(0, 100, TestContext.Current.CancellationToken)).Select(s => s.Email));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASubscription_ReadsBackAsItWasWritten(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var database = test.Migrated();
        var store = new SubscriptionStore(database);
        var wanted = InRome("rome@embassy.example") with
        {
            Name = "Embassy in Rome",
            Filter = new OccurrenceFilter { Countries = new HashSet<CountryCode> { CountryCode.Parse("IT"), CountryCode.Parse("LU") }, Kinds = new HashSet<string>(StringComparer.Ordinal) { "visit", "relations" }, Jubilee = false },
            LeadDays = [14, 2],
            JubileeLeadDays = [60, 7],
            SendAt = new LocalTime(8, 30),
            State = SubscriptionState.Pending,
            Origin = SubscriptionOrigin.SelfService,
        };

        var id = store.Add(wanted, Now)!.Id;
        store.MarkRejected(id, "550 5.1.1 No such user here", Now + Duration.FromMinutes(1));
        var read = store.Find(id)!;

        Assert.Equal(("Embassy in Rome", "Europe/Rome", new LocalTime(8, 30), SubscriptionState.Pending, SubscriptionOrigin.SelfService), (read.Name, read.TimeZone.Id, read.SendAt, read.State, read.Origin));
        Assert.Equal(["IT", "LU"], read.Filter.Countries.Select(c => c.ToString()).Order());
        Assert.Equal(["relations", "visit"], read.Filter.Kinds.Order(StringComparer.Ordinal));
        Assert.False(read.Filter.Jubilee);
        Assert.Equal([14, 2], read.LeadDays);
        Assert.Equal([60, 7], read.JubileeLeadDays);
        Assert.Equal((Now, (Instant?)null, Now + Duration.FromMinutes(1), "550 5.1.1 No such user here"), (read.CreatedAt, read.ConfirmedAt, read.RejectedAt, read.RejectionReason));
        Assert.Null(store.UpdateChoices(id, read with { Filter = OccurrenceFilter.All })!.Filter.Jubilee);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Subscriptions_ComeInPagesInIdOrder_EveryStateOrOnlyTheActive_WithoutThosePendingRefusedOrGone(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var database = test.Migrated();
        var store = new SubscriptionStore(database);
        var ids = new[] { "a", "b", "pending", "c", "rejected", "unsubscribed", "d", "e" }.ToDictionary(name => name, name => store.Add(
            InRome($"{name}@example.org") with { State = name == "pending" ? SubscriptionState.Pending : SubscriptionState.Active }, Now)!.Id);
        store.MarkRejected(ids["rejected"], "550 5.1.1 No such user here", Now);
        store.Unsubscribe(ids["unsubscribed"]);

        Assert.Equal([["a", "b"], ["p", "c"], ["r", "u"], ["d", "e"]], await PagesAsync(after => store.AfterAsync(after, 2, TestContext.Current.CancellationToken)));
        Assert.Equal([["a", "b"], ["c", "d"], ["e"]], await PagesAsync(after => store.ActiveAfterAsync(after, 2, TestContext.Current.CancellationToken)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheFormsMailCap_IsSharedByReplicas_AndStartsAgainTheNextDay(string provider)
    {
        using var test = await TestDatabase.CreateAsync(provider);
        using var one = test.Migrated();
        using var other = test.Migrated();
        var today = new LocalDate(2027, 8, 14);

        var counted = new[] { new SelfServiceMailCap(one), new SelfServiceMailCap(other), new SelfServiceMailCap(one), new SelfServiceMailCap(other) }
            .Select(cap => cap.TryCount("victim+1@example.org", today)).ToList();

        Assert.Equal([true, true, true, false], counted);
        Assert.True(new SelfServiceMailCap(other).TryCount("Victim@Example.org", today.PlusDays(1)));
    }

    /// <summary>Each page's subscribers (the first letter of each address), read from the start, each page after the last id of the one before.</summary>
    private static async Task<List<string[]>> PagesAsync(Func<long, Task<IReadOnlyList<Subscription>>> after)
    {
        var pages = new List<string[]>();
        for (var page = await after(0); page.Count > 0; page = await after(page[^1].Id))
        {
            pages.Add([.. page.Select(s => s.Email[..1])]);
        }

        return pages;
    }
}
