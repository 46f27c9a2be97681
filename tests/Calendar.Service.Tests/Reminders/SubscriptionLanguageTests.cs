using static Calendar.Service.Tests.Reminders.ReminderFacts;
using static Calendar.Service.Tests.Reminders.SelfServiceClient;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A subscription's language: the form's and the admin API's <c>language</c>, and the emails written in it.</summary>
public class SubscriptionLanguageTests
{
    [Fact]
    public async Task TheFormInRussian_SendsTheConfirmationInRussian()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();

        using var answer = await PostAsync(client, "/subscriptions", ("email", "olga@example.org"), ("country", "XB"), ("language", "ru"));

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var confirmation = (await mail.WaitForAsync(1)).Single(r => r.To.Contains("olga@example.org"));
        Assert.Equal("Подтвердите напоминания о дипломатических годовщинах", confirmation.Message.Subject);
        Assert.Contains("/subscriptions/confirm?token=", confirmation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownLanguage_IsRefusedNamingTheField()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();

        using var answer = await PostAsync(client, "/subscriptions", ("email", "olga@example.org"), ("language", "de"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("Language: &#x27;de&#x27; is not one of this calendar&#x27;s choices", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFieldTheFormDoesNotHave_IsNamedAsUnknown_EvenWhenThePageHasAParameterOfThatName()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();

        // The page takes ?lang=; the form sends its language as "language" and has no "lang".
        using var answer = await PostAsync(client, "/subscriptions", ("email", "olga@example.org"), ("language", "ru"), ("lang", "ru"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("lang: у этого календаря нет такого параметра", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "Проверьте форму", "Адрес электронной почты: «olga@» — не адрес электронной почты.", "Время отправки: «25:00» — не время суток; укажите его в виде ЧЧ:ММ, например 09:00.")]
    [InlineData("kk", "Форманы тексеріңіз", "Электрондық пошта мекенжайы: «olga@» электрондық пошта мекенжайы емес.", "Жіберу уақыты: «25:00» тәулік уақыты емес; СС:ММ түрінде жазыңыз, мысалы 09:00.")]
    public async Task ABadAddressOnTheFormInRussianOrKazakh_IsExplainedInThatLanguage_NamingTheFieldAsThePageLabelsIt(string language, string title, string emailLine, string sendAtLine)
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();

        using var answer = await PostAsync(client, "/subscriptions", ("email", "olga@"), ("sendAt", "25:00"), ("language", language));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<p>{emailLine} {sendAtLine}</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("email:", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/subscriptions/confirm?lang=ru", "Ссылка недействительна", "Возможно, ею уже воспользовались, ей больше недели или она скопирована не полностью.")]
    [InlineData("/subscriptions/unsubscribe?lang=kk", "Сілтеме жарамсыз", "Ештеңе өзгертілген жоқ.")]
    public async Task ARefusedLink_IsExplainedInTheLinksLanguage(string action, string title, string text)
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null);
        using var client = app.CreateHttpClient();

        using var answer = await PostAsync(client, action, ("token", "not-a-token"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<p>{text}</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARussianSubscriber_GetsTheReminderInRussian_SubjectIncluded_ReadBackFromTheSmtpServer()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        facts.Write("facts.yaml", WithItaly);
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();

        using var answer = await PostAsync(client, "/subscriptions", ("email", "olga@example.org"), ("country", "IT"), ("timeZone", "Europe/Rome"), ("language", "ru"));
        using var confirmed = await ConfirmAsync(client, (await mail.WaitForAsync(1)).Single(r => r.To.Contains("olga@example.org")));
        await app.DispatchAsync();

        var reminder = (await mail.WaitForAsync(2)).Single(r => r.To.Contains("olga@example.org") && r.Message.Subject!.StartsWith("Через", StringComparison.Ordinal));
        Assert.Equal("Через 7 дней: 35-летие установления дипломатических отношений, Казахстан — Италия (21 августа 2027 года)", reminder.Message.Subject);
        Assert.StartsWith("Через 7 дней\n\n35-летие установления дипломатических отношений между Казахстаном и Италией\nДата: суббота, 21 августа 2027 года", reminder.Text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Отписаться от этих напоминаний: http://calendar.test/", reminder.Text, StringComparison.Ordinal);
        var html = reminder.Message.HtmlBody!;
        Assert.Contains("<html lang=\"ru\"", html, StringComparison.Ordinal);
        Assert.Contains("Дипломатические годовщины", html, StringComparison.Ordinal);
        Assert.Contains("?country=IT&amp;lang=ru#kz-it-relations.2027", html, StringComparison.Ordinal);

        // The attachment is the Russian feed's event: same text, same SEQUENCE (kept per language).
        var ics = Assert.Single(reminder.Message.Attachments.OfType<MimeKit.MimePart>());
        using var bytes = new MemoryStream();
        await ics.Content!.DecodeToAsync(bytes, TestContext.Current.CancellationToken);
        var attached = (await Feed.IcalJs.ReadAsync(bytes.ToArray())).Event("kz-it-relations.2027@calendar.local");
        var inFeed = (await Feed.FeedClient.ReadAsync(app, "?country=IT&lang=ru")).Event("kz-it-relations.2027@calendar.local");
        Assert.Equal("35-летие установления дипломатических отношений, Казахстан — Италия", attached.Summary);
        Assert.Equal("ru", attached.SummaryLanguage);
        Assert.Equal((inFeed.Sequence, inFeed.Description), (attached.Sequence, attached.Description));
    }

    [Fact]
    public async Task TheSelfServicePages_SpeakTheSubscribersLanguage()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        facts.Write("facts.yaml", WithItaly);
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        using var client = app.CreateHttpClient();
        var ct = TestContext.Current.CancellationToken;

        using var answer = await PostAsync(client, "/subscriptions", ("email", "aigul@example.org"), ("country", "IT"), ("timeZone", "Europe/Rome"), ("language", "kk"));
        var confirmation = (await mail.WaitForAsync(1)).Single(r => r.To.Contains("aigul@example.org"));
        using var confirmPage = await client.GetAsync(new Uri(ConfirmationLink(confirmation).PathAndQuery, UriKind.Relative), ct);
        using var confirmed = await ConfirmAsync(client, confirmation);
        await app.DispatchAsync();
        var reminder = (await mail.WaitForAsync(2)).Single(r => r.To.Contains("aigul@example.org") && r.Message.Subject!.StartsWith("7 күннен", StringComparison.Ordinal));
        var unsubscribe = new Uri(System.Text.RegularExpressions.Regex.Match(reminder.Text, @"https?://\S+/subscriptions/unsubscribe\?token=\S+").Value);
        using var stopPage = await client.GetAsync(new Uri(unsubscribe.PathAndQuery, UriKind.Relative), ct);

        Assert.Contains("Поштаңызды тексеріңіз", await answer.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.EndsWith("&lang=kk", ConfirmationLink(confirmation).Query, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"kk\">", await confirmPage.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("Еске салғыштар расталды", await confirmed.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.StartsWith("7 күннен кейін: Дипломатиялық қатынастардың орнағанына 35 жыл, Қазақстан — Италия (2027 жылғы 21 тамыз)", reminder.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("Еске салғыштарды тоқтату", await stopPage.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminApiAndConfiguration_StoreTheLanguage()
    {
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), smtpPort: null)
            .With("Calendar:AdminApiKey", "a-long-random-admin-key")
            .With("Calendar:Subscriptions:1:Language", "kk");
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "a-long-random-admin-key");
        var ct = TestContext.Current.CancellationToken;

        using var created = await client.PostAsJsonAsync("/api/subscriptions", new { email = "ivan@example.org", language = "ru" }, ct);
        using var refused = await client.PostAsJsonAsync("/api/subscriptions", new { email = "jean@example.org", language = "fr" }, ct);
        var all = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/subscriptions", ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("unknown language 'fr'", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var languages = all.EnumerateArray().ToDictionary(s => s.GetProperty("email").GetString()!, s => s.GetProperty("language").GetString());
        Assert.Equal("en", languages["alice@example.org"]);
        Assert.Equal("kk", languages["bob@example.org"]);
        Assert.Equal("ru", languages["ivan@example.org"]);
    }

    /// <summary>The reminder facts, and relations between Kazakhstan and Italy (real names: Russian declines them).</summary>
    private static readonly string WithItaly = ReminderFacts.Yaml + """

          - id: kz-it-relations
            kind: relations
            countries: [KZ, IT]
            date: 1992-08-21
            title: Diplomatic relations established between Kazakhstan and Italy
            sources: [{ title: "[Invented]", outlet: Test Gazette, published: 2022-08-21 }]
        """;
}
