using System.Text.RegularExpressions;

namespace Calendar.Service.Tests.Reminders;

/// <summary>What the page's form and the confirmation email do, done directly: posts, and the link's token.</summary>
internal static partial class SelfServiceClient
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))), TestContext.Current.CancellationToken);

    /// <summary>The confirmation link in an email's text, for whatever address the service links to.</summary>
    public static Uri ConfirmationLink(Received email) => new(Link().Match(email.Text).Value);

    /// <summary>Follows the link as a person does: opens the page, then presses its button (a POST of the token).</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, Received email)
    {
        var link = ConfirmationLink(email);
        using var page = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);
        page.EnsureSuccessStatusCode();
        // The link may carry more than the token (lang=ru): read the query as a browser would.
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["token"].ToString();
        return await PostAsync(client, "/subscriptions/confirm", ("token", token));
    }

    [GeneratedRegex(@"https?://\S+/subscriptions/confirm\?token=\S+")]
    private static partial Regex Link();
}
