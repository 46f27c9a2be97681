using System.Net.Http.Headers;
using System.Text;
using Calendar.Service.Subscriptions;
using static Calendar.Service.Tests.Reminders.ReminderFacts;
using static Calendar.Service.Tests.Reminders.SelfServiceClient;

namespace Calendar.Service.Tests.Reminders;

/// <summary>Every field of the form has a limit, and whatever a stranger posts is answered 400 (or 413), never 500.</summary>
public class FormLimitsTests
{
    public static TheoryData<string, string, string> Oversized => new()
    {
        { "email", new string('a', 243) + "@example.org", "Email address: at most 254 characters." },
        { "name", new string('n', 201), "Name: at most 200 characters." },
        { "name", "Ali\u0007ce", "Name: no line breaks, tabs or other control characters." },
        { "email", "ali\u0007ce@example.org", "Email address: no line breaks, tabs or other control characters." },
        // ASP.NET Core's form reader refuses NUL itself (it used to escape as a 500).
        { "name", "Ali\0ce", "The form is not valid: The form value contains invalid characters." },
        { "timeZone", "Europe/" + new string('x', 60), "Time zone: 'Europe/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is not a time zone" },
        { "sendAt", new string('9', 100), "Send at: '9999999999999999999999999999999999999999…' is not a time of day" },
        { "country", string.Join(',', Enumerable.Repeat("XB", 101)), "Country: 'XB,XB,XB,XB,XB,XB,XB,XB,XB,XB,XB,XB,XB,X…' is not one of this calendar's choices" },
        { "kind", string.Join(',', Enumerable.Repeat("visit", 21)), "Kind: 'visit,visit,visit,visit,visit,visit,visi…' is not one of this calendar's choices" },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task AnOverlongOrControlCharacterValue_Answers400NamingTheField_AndStoresNothing(string field, string value, string expected)
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();
        var fields = new List<(string, string)> { (field, value) };
        if (field != "email")
        {
            fields.Add(("email", "carol@example.org"));
        }

        using var response = await PostAsync(client, "/subscriptions", [.. fields]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(expected, text, StringComparison.Ordinal);
        if (value.Length > 40)
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }

        Assert.Equal(2, (await app.Get<SubscriptionStore>().AfterAsync(0, 100, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task TooManyFields_Answer400()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();

        using var response = await PostAsync(client, "/subscriptions", [("email", "carol@example.org"), .. Enumerable.Repeat(("country", "XB"), 300)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form is not valid", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThreeAndAHalfMegabyteName_Answers413_AndStoresNothing()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();

        using var response = await PostAsync(client, "/subscriptions", ("email", "carol@example.org"), ("name", new string('n', 3_500_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(app.Get<SubscriptionStore>().FindByEmail("carol@example.org"));
    }

    [Theory]
    [InlineData("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\ncarol@example.org\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\ncarol@example.org")]
    [InlineData("application/json", "{\"email\":\"carol@example.org\"}")]
    public async Task AMalformedForm_Answers400(string contentType, string body)
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync(new Uri("/subscriptions", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(app.Get<SubscriptionStore>().FindByEmail("carol@example.org"));
    }
}
