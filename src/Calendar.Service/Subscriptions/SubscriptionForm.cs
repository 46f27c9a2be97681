using Calendar.Core;
using Calendar.Service.Upcoming;

namespace Calendar.Service.Subscriptions;

/// <summary>
/// The page's reminder form, <c>POST /subscriptions</c>: <c>email</c>, <c>name</c> (optional), <c>country</c> and
/// <c>kind</c> (repeated), <c>jubilee</c> (<c>true</c>, <c>false</c>, or absent: no restriction), <c>timeZone</c>
/// (an IANA id; default <c>Calendar:TimeZone</c>), <c>sendAt</c> (HH:mm; default <c>Calendar:Reminders:SendAt</c>) and
/// <c>language</c> (<c>en</c>, <c>ru</c>, <c>kk</c>: the page's language).
/// </summary>
/// <remarks>
/// Errors are keyed by the form's field names. An unknown field is an error, as an unknown query parameter is:
/// a misspelt <c>contry</c> would otherwise subscribe to every country.
/// </remarks>
internal static class SubscriptionForm
{
    public static readonly IReadOnlyList<string> Fields = ["email", "name", "country", "kind", "jubilee", "timeZone", "sendAt", "language"];

    private static readonly string[] SingleValued = ["email", "name", "jubilee", "timeZone", "sendAt", "language"];

    // SubscriptionInput names fields as the admin API and configuration do; the form names them its own way.
    private static readonly Dictionary<string, string> FieldOf = new(StringComparer.Ordinal)
    {
        ["Email"] = "email", ["Name"] = "name", ["Countries"] = "country", ["Kinds"] = "kind",
        ["Jubilee"] = "jubilee", ["TimeZone"] = "timeZone", ["SendAt"] = "sendAt", ["Language"] = "language",
    };

    /// <summary>Limits of every form of self-service: the reminder form, and the confirm and unsubscribe buttons.</summary>
    /// <remarks>The fields' own limits (<see cref="SubscriptionLimits"/>) fit well inside; these stop a body before it is parsed.</remarks>
    public static readonly object[] Limits =
    [
        new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(16 * 1024),
        new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute
        {
            ValueCountLimit = 2 * SubscriptionLimits.Countries,
            KeyLengthLimit = 64,
            ValueLengthLimit = SubscriptionTokens.MaxLength,
            MultipartBodyLengthLimit = 16 * 1024,
            MultipartHeadersCountLimit = 4,
        },
    ];

    /// <summary>The posted form, or the page that says why it cannot be read: 413 for too large a body, 400 for anything else.</summary>
    public static async Task<(IFormCollection? Form, ContentHttpResultWithStatus? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, Invalid("expected application/x-www-form-urlencoded or multipart/form-data."));
        }

        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, SelfServicePages.Message("The form is too large", "Nothing was changed.", StatusCodes.Status413PayloadTooLarge));
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // Too many fields, a value or key too long, a broken multipart body, or a body cut short.
            return (null, Invalid(e.Message));
        }
    }

    private static ContentHttpResultWithStatus Invalid(string why) =>
        SelfServicePages.Message("The form is not valid", $"The form is not valid: {why}", StatusCodes.Status400BadRequest);

    /// <summary>The subscription the form asks for, or null with each problem in <paramref name="errors"/>, keyed by form field.</summary>
    public static Subscription? Check(IFormCollection form, CountryCatalog countries, ReminderDefaults defaults, QueryErrors errors)
    {
        errors.RejectUnknown(form.Keys, [.. Fields]);
        foreach (var single in SingleValued.Where(field => form[field].Count > 1))
        {
            errors.Add(single, "give it once");
        }

        bool? jubilee = form["jubilee"].ToString() switch
        {
            "" => null,
            var text when bool.TryParse(text, out var value) => value,
            var text => Invalid(errors, "jubilee", $"'{text}' must be true or false (or absent: no restriction)"),
        };
        var input = new SubscriptionInput(
            form["email"], form["name"], [.. form["country"].OfType<string>()], [.. form["kind"].OfType<string>()], jubilee,
            TimeZone: form["timeZone"], SendAt: form["sendAt"], Language: form.ContainsKey("language") ? form["language"].ToString() : null);
        var inputErrors = new QueryErrors();
        var subscription = input.Check(countries, defaults, inputErrors);
        foreach (var (field, messages) in inputErrors.ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(FieldOf.GetValueOrDefault(field, field), message);
            }
        }

        return errors.Any ? null : subscription;
    }

    private static bool? Invalid(QueryErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}
