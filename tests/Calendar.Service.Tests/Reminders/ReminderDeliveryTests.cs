using Calendar.Service.Tests.Feed;
using MimeKit;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>Reminders through a real SMTP server (MailDev): the right people, the right digest, the right day, once.</summary>
public class ReminderDeliveryTests
{
    [Fact]
    public async Task AWeekAhead_EachSubscriberGetsOneDigestAt0930LocalWithTextHtmlAndIcs()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        // 08:00 in Rome on 14 August 2027: the 35th anniversary with Brobdingnag is in 7 days, but 09:00 has not come.
        using var app = Host(facts, At(2027, 8, 14, 8, 0, "Europe/Rome"), mail.SmtpPort);

        Assert.Equal(0, (await app.DispatchAsync()).Sent);
        app.Clock.Advance(NodaTime.Duration.FromMinutes(90));
        Assert.Equal(1, (await app.DispatchAsync()).Sent);

        var received = Assert.Single(await mail.WaitForAsync(1));
        var message = received.Message;
        Assert.Equal(["alice@example.org"], received.To);
        Assert.Equal("In 7 days: 35th anniversary of diplomatic relations, Xanadu – Brobdingnag (21 August 2027)", message.Subject);
        Assert.Equal("Alice", ((MailboxAddress)message.To[0]).Name);
        Assert.Contains("Date: Saturday 21 August 2027", received.Text, StringComparison.Ordinal);
        Assert.Contains("Jubilee: 35th anniversary", received.Text, StringComparison.Ordinal);
        Assert.Contains("Anniversary of: Relations established, 21 August 1992", received.Text, StringComparison.Ordinal);
        Assert.Contains("Source: Test Gazette, 21 August 2022: “[Invented]”", received.Text, StringComparison.Ordinal);
        Assert.Contains(">35th anniversary of diplomatic relations between Xanadu and Brobdingnag</a></h3>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(Calendar.Service.Reminders.ReminderEmail.MessageIdFor(1, [("xa-xb-relations.2027", 7)], "calendar.local"), message.MessageId);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith("<http://calendar.test/subscriptions/unsubscribe?token=", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);

        var ics = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        Assert.Equal("PUBLISH", ics.ContentType.Parameters["method"]);
        using var bytes = new MemoryStream();
        await ics.Content!.DecodeToAsync(bytes, TestContext.Current.CancellationToken);
        var calendar = await IcalJs.ReadAsync(bytes.ToArray());
        Assert.Equal("PUBLISH", calendar.Properties["method"]);
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal("xa-xb-relations.2027@calendar.local", vevent.Uid);
        Assert.Equal("2027-08-21", vevent.Start);

        // A second run the same day, or after a restart, sends nothing more.
        Assert.Equal(0, (await app.DispatchAsync()).Sent);
    }

    [Fact]
    public async Task SubscribersWhoFollowTheSameThings_EachGetTheirOwnAddressAndUnsubscribeLink_InTextAndHtml()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        // Carol follows what Alice follows, at the same time: one digest made for the run, completed for each.
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort)
            .With("Calendar:Subscriptions:2:Email", "carol+news@example.org")
            .With("Calendar:Subscriptions:2:Name", "Carol")
            .With("Calendar:Subscriptions:2:Countries:0", "XB")
            .With("Calendar:Subscriptions:2:TimeZone", "Europe/Rome");

        Assert.Equal(2, (await app.DispatchAsync()).Sent);

        var received = await mail.WaitForAsync(2);
        Assert.Equal(["alice@example.org", "carol+news@example.org"], received.Select(r => r.To.Single()).Order(StringComparer.Ordinal));
        foreach (var (to, message, text) in received.Select(r => (r.To.Single(), r.Message, r.Text)))
        {
            var unsubscribe = message.Headers["List-Unsubscribe"]!.Trim('<', '>');
            Assert.Contains($"Stop these reminders: {unsubscribe}", text, StringComparison.Ordinal);
            Assert.Contains($"<a id=\"unsubscribe\" href=\"{System.Net.WebUtility.HtmlEncode(unsubscribe)}\"", message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains($"Sent to {System.Net.WebUtility.HtmlEncode(to)} by the Diplomatic Anniversary Calendar", message.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("placeholder", text + message.HtmlBody, StringComparison.Ordinal);
        }

        Assert.NotEqual(received[0].Message.Headers["List-Unsubscribe"], received[1].Message.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task OneClickUnsubscribe_FromTheListUnsubscribeHeader_StopsTheReminders()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        await app.DispatchAsync();
        var link = (await mail.WaitForAsync(1))[0].Message.Headers["List-Unsubscribe"]!.Trim('<', '>');

        using var client = app.CreateHttpClient();
        var path = new Uri(link).PathAndQuery;
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        app.Clock.Advance(NodaTime.Duration.FromDays(6));
        Assert.Equal(0, (await app.DispatchAsync()).Sent);
        Assert.Single(await mail.MessagesAsync());
    }

    [Fact]
    public async Task AForgedUnsubscribeToken_ChangesNothing()
    {
        await using var mail = await MailDev.StartAsync();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), mail.SmtpPort);
        await app.DispatchAsync();
        var link = new Uri((await mail.WaitForAsync(1))[0].Message.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);

        using var client = app.CreateHttpClient();
        foreach (var forged in new[] { "2." + token.Split('.')[1], token[..^2] + (token[^2] == 'A' ? "BB" : "AA"), "1.x" })
        {
            using var response = await client.PostAsync(new Uri($"/subscriptions/unsubscribe?token={Uri.EscapeDataString(forged)}", UriKind.Relative), null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        app.Clock.Advance(NodaTime.Duration.FromDays(6));
        Assert.Equal(1, (await app.DispatchAsync()).Sent);
        Assert.Contains("Tomorrow: 35th anniversary of diplomatic relations, Xanadu – Brobdingnag (21 August 2027)", (await mail.WaitForAsync(2)).Select(r => r.Message.Subject));
    }

    [Fact]
    public async Task SmtpDownThenUp_WhatCameDueArrivesAfterwardsMarkedLate()
    {
        var port = MailDev.FreePort();
        using var facts = new TempFolder();
        using var app = Host(facts, At(2027, 8, 14, 9, 30, "Europe/Rome"), port);

        var down = await app.DispatchAsync();
        Assert.Equal(1, down.Failed);
        using (var health = await Calendar.Service.Tests.Upcoming.UpcomingApiTests.GetJson(app, "/health"))
        {
            var reminders = health.RootElement.GetProperty("checks").GetProperty("reminders");
            Assert.Equal("Degraded", reminders.GetProperty("status").GetString());
            Assert.Equal(1, reminders.GetProperty("data").GetProperty("remindersAwaitingRetry").GetInt32());
        }

        await using var mail = await MailDev.StartAsync(port);
        app.Clock.Advance(NodaTime.Duration.FromMinutes(2));
        Assert.Equal(0, (await app.DispatchAsync()).Sent);
        app.Clock.Advance(NodaTime.Duration.FromHours(3));
        Assert.Equal(1, (await app.DispatchAsync()).Sent);

        var received = Assert.Single(await mail.WaitForAsync(1));
        Assert.Contains("(Late: this reminder was due on 14 August 2027, 7 days ahead.)", received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecipientRefusedForGood_IsRecordedAndSkipped_WhileTheOthersGetTheirs()
    {
        using var server = new ScriptedSmtpServer("alice@example.org");
        using var facts = new TempFolder();
        // 10:00 in Rome is 13:00 in Almaty: both subscribers' send time has come, and both follow Brobdingnag.
        using var app = Host(facts, At(2027, 8, 14, 10, 0, "Europe/Rome"), server.Port)
            .With("Calendar:Subscriptions:1:Countries:0", "XB");

        var result = await app.DispatchAsync();

        Assert.Equal(1, result.Rejected);
        Assert.Equal(1, result.Sent);
        Assert.Equal([["bob@example.org"]], server.Accepted);
        var alice = app.Get<Calendar.Service.Subscriptions.SubscriptionStore>().FindByEmail("alice@example.org")!;
        Assert.NotNull(alice.RejectedAt);
        Assert.Contains("550", alice.RejectionReason, StringComparison.Ordinal);

        app.Clock.Advance(NodaTime.Duration.FromDays(6));
        var later = await app.DispatchAsync();
        Assert.Equal(0, later.Rejected);
        Assert.Equal(1, later.Sent);
        Assert.Equal(2, server.Accepted.Count);
    }
}
