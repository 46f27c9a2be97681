using System.Globalization;
using System.Security.Cryptography;
using Calendar.Core;
using Calendar.Service.Storage;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace Calendar.Service.Subscriptions;

/// <summary>Subscriptions in the database, one per email address (its ASCII letters case-folded).</summary>
internal sealed class SubscriptionStore(CalendarDatabase database)
{
    private const string Columns = "id, email, name, countries, kinds, jubilee, lead_days, jubilee_lead_days, time_zone, send_at, language, state, origin, created_at, confirmed_at, rejected_at, rejection_reason, token_stamp";

    /// <summary>At most <paramref name="count"/> subscriptions of every state, in id order, those after <paramref name="afterId"/>: a page of them.</summary>
    public Task<IReadOnlyList<Subscription>> AfterAsync(long afterId, int count, CancellationToken cancellationToken) =>
        PageAsync("", afterId, count, cancellationToken);

    /// <summary>At most <paramref name="count"/> active subscriptions, in id order, those after <paramref name="afterId"/>: a page of them, however many there are.</summary>
    public Task<IReadOnlyList<Subscription>> ActiveAfterAsync(long afterId, int count, CancellationToken cancellationToken) =>
        PageAsync("state = 'active' AND rejected_at IS NULL AND", afterId, count, cancellationToken);

    public Subscription? Find(long id) => Query($"SELECT {Columns} FROM subscriptions WHERE id = @id", new { id }).SingleOrDefault();

    public Subscription? FindByEmail(string email) =>
        Query($"SELECT {Columns} FROM subscriptions WHERE email_key = @key", new { key = EmailKey(email) }).SingleOrDefault();

    /// <summary>Creates the subscription in <see cref="Subscription.State"/>; null when its address already has one.</summary>
    public Subscription? Add(Subscription subscription, Instant now)
    {
        var parameters = Choices(subscription, new
        {
            email = subscription.Email,
            key = EmailKey(subscription.Email),
            state = Wire(subscription.State),
            origin = Wire(subscription.Origin),
            now = Stamp(now),
            confirmed = subscription.State == SubscriptionState.Active ? Stamp(now) : null,
            stamp = NewStamp(),
        });
        using var connection = database.Open();
        var id = connection.ExecuteScalar<long?>(
            """
            INSERT INTO subscriptions (email, email_key, name, countries, kinds, jubilee, lead_days, jubilee_lead_days, time_zone, send_at, language, state, origin, created_at, confirmed_at, token_stamp)
            VALUES (@email, @key, @name, @countries, @kinds, @jubilee, @leads, @jubileeLeads, @zone, @sendAt, @language, @state, @origin, @now, @confirmed, @stamp)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            parameters);
        return id is { } added ? Find(added) : null;
    }

    /// <summary>Replaces what a subscription asks for (name, filter, ladders, zone, send time, language); returns it as stored.</summary>
    /// <remarks>
    /// Never its state, a refusal or its links: an address that said stop stays stopped, whoever edits its choices
    /// (configuration at start, the admin API). Only <see cref="Activate"/> starts it again.
    /// </remarks>
    public Subscription? UpdateChoices(long id, Subscription choices)
    {
        Execute(
            """
            UPDATE subscriptions SET name = @name, countries = @countries, kinds = @kinds, jubilee = @jubilee,
                lead_days = @leads, jubilee_lead_days = @jubileeLeads, time_zone = @zone, send_at = @sendAt, language = @language
            WHERE id = @id
            """,
            Choices(choices, new { id }));
        return Find(id);
    }

    /// <summary>Starts reminders on purpose (an administrator, or the address confirming): clears a refusal; older links stop working.</summary>
    public bool Activate(long id, Instant now) => Execute(
        """
        UPDATE subscriptions SET state = 'active', rejected_at = NULL, rejection_reason = NULL, confirmed_at = @now, token_stamp = @stamp
        WHERE id = @id AND (state <> 'active' OR rejected_at IS NOT NULL)
        """,
        new { id, stamp = NewStamp(), now = Stamp(now) }) > 0;

    /// <summary>The address confirmed: starts the subscription with the choices its link carries, once.</summary>
    /// <remarks>Only while the subscription's stamp is the one the link was issued with: a second confirmation changes nothing.</remarks>
    public bool Confirm(long id, string stamp, Subscription choices, Instant now) => Execute(
        """
        UPDATE subscriptions SET name = @name, countries = @countries, kinds = @kinds, jubilee = @jubilee,
            lead_days = @leads, jubilee_lead_days = @jubileeLeads, time_zone = @zone, send_at = @sendAt, language = @language,
            state = 'active', rejected_at = NULL, rejection_reason = NULL, confirmed_at = @now, token_stamp = @newStamp
        WHERE id = @id AND token_stamp = @stamp
        """,
        Choices(choices, new { id, stamp, newStamp = NewStamp(), now = Stamp(now) })) > 0;

    /// <summary>Stops reminders (the address said so); a new token stamp makes older links stop working.</summary>
    public bool Unsubscribe(long id) => Execute(
        "UPDATE subscriptions SET state = 'unsubscribed', token_stamp = @stamp WHERE id = @id AND state <> 'unsubscribed'",
        new { id, stamp = NewStamp() }) > 0;

    /// <summary>The mail server refused the address for good: recorded, shown by the admin API, and no more attempts.</summary>
    public void MarkRejected(long id, string reason, Instant now) => Execute(
        "UPDATE subscriptions SET rejected_at = @now, rejection_reason = @reason WHERE id = @id",
        new { id, now = Stamp(now), reason });

    /// <summary>Forgets requests from the form that were never confirmed: no reminder ever went to them.</summary>
    public void DeletePendingCreatedBefore(Instant cutoff) => Execute(
        "DELETE FROM subscriptions WHERE state = 'pending' AND created_at < @cutoff",
        new { cutoff = Stamp(cutoff) });

    public bool Delete(long id) => Execute("DELETE FROM subscriptions WHERE id = @id", new { id }) > 0;

    /// <summary>What makes two addresses one subscriber: ASCII letters folded, as SQLite's <c>NOCASE</c> did before.</summary>
    /// <remarks>
    /// A column of its own, unique, because PostgreSQL has no <c>NOCASE</c> collation and <c>lower()</c> there folds
    /// more than SQLite's does: one rule, computed here, serves both.
    /// </remarks>
    public static string EmailKey(string email) => string.Create(email.Length, email, static (key, email) =>
    {
        for (var i = 0; i < email.Length; i++)
        {
            key[i] = char.IsAsciiLetterUpper(email[i]) ? (char)(email[i] | 0x20) : email[i];
        }
    });

    public static string Wire<T>(T value)
        where T : struct, Enum => JsonNaming.ConvertName(value.ToString());

    public static string Stamp(Instant instant) => InstantPattern.General.Format(instant);

    private static readonly System.Text.Json.JsonNamingPolicy JsonNaming = System.Text.Json.JsonNamingPolicy.KebabCaseLower;

    private static readonly LocalTimePattern TimeOfDay = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private static DynamicParameters Choices(Subscription subscription, object more)
    {
        var parameters = new DynamicParameters(new
        {
            name = subscription.Name,
            countries = string.Join(',', subscription.Filter.Countries.Order()),
            kinds = string.Join(',', subscription.Filter.Kinds.Order(StringComparer.Ordinal)),
            jubilee = subscription.Filter.Jubilee is { } jubilee ? (jubilee ? 1 : 0) : (int?)null,
            leads = string.Join(',', subscription.LeadDays),
            jubileeLeads = string.Join(',', subscription.JubileeLeadDays),
            zone = subscription.TimeZone.Id,
            sendAt = TimeOfDay.Format(subscription.SendAt),
            language = subscription.Language.Tag(),
        });
        parameters.AddDynamicParams(more);
        return parameters;
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private int Execute(string sql, object parameters)
    {
        using var connection = database.Open();
        return connection.Execute(sql, parameters);
    }

    /// <summary>A keyset page: the ids after the last one seen, so that a page costs the same however far along it is.</summary>
    private async Task<IReadOnlyList<Subscription>> PageAsync(string condition, long afterId, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM subscriptions WHERE {condition} id > @afterId ORDER BY id LIMIT @count",
            new { afterId, count },
            cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToSubscription())];
    }

    private List<Subscription> Query(string sql, object? parameters = null)
    {
        using var connection = database.Open();
        return [.. connection.Query<SubscriptionRow>(sql, parameters).Select(row => row.ToSubscription())];
    }

    /// <summary>A row as stored (<c>lead_days</c> fills <c>LeadDays</c>): lists as comma-separated text, instants as ISO text, the jubilee filter as 1, 0 or NULL.</summary>
    private sealed class SubscriptionRow
    {
        public long Id { get; set; }

        public string Email { get; set; } = "";

        public string Name { get; set; } = "";

        public string Countries { get; set; } = "";

        public string Kinds { get; set; } = "";

        public long? Jubilee { get; set; }

        public string LeadDays { get; set; } = "";

        public string JubileeLeadDays { get; set; } = "";

        public string TimeZone { get; set; } = "";

        public string SendAt { get; set; } = "";

        public string Language { get; set; } = "en";

        public string State { get; set; } = "";

        public string Origin { get; set; } = "";

        public string CreatedAt { get; set; } = "";

        public string? ConfirmedAt { get; set; }

        public string? RejectedAt { get; set; }

        public string? RejectionReason { get; set; }

        public string TokenStamp { get; set; } = "";

        public Subscription ToSubscription() => new()
        {
            Id = Id,
            Email = Email,
            Name = Name,
            Filter = new OccurrenceFilter
            {
                Countries = Split(Countries).Select(CountryCode.Parse).ToHashSet(),
                Kinds = Split(Kinds).ToHashSet(StringComparer.Ordinal),
                Jubilee = Jubilee is { } jubilee ? jubilee == 1 : null,
            },
            LeadDays = Days(LeadDays),
            JubileeLeadDays = Days(JubileeLeadDays),
            TimeZone = DateTimeZoneProviders.Tzdb[TimeZone],
            SendAt = TimeOfDay.Parse(SendAt).Value,
            Language = Languages.TryParse(Language, out var language, out _) ? language : Core.Language.En,
            State = Enum.Parse<SubscriptionState>(State.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
            Origin = Enum.Parse<SubscriptionOrigin>(Origin.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
            CreatedAt = InstantPattern.General.Parse(CreatedAt).Value,
            ConfirmedAt = ConfirmedAt is null ? null : InstantPattern.General.Parse(ConfirmedAt).Value,
            RejectedAt = RejectedAt is null ? null : InstantPattern.General.Parse(RejectedAt).Value,
            RejectionReason = RejectionReason,
            TokenStamp = TokenStamp,
        };

        private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries);

        private static int[] Days(string text) => [.. Split(text).Select(day => int.Parse(day, CultureInfo.InvariantCulture))];
    }
}
