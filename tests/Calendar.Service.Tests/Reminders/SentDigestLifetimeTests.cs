using Calendar.Service.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using NodaTime;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A run of thousands of digests holds the few on the wire, not every one it has sent.</summary>
public class SentDigestLifetimeTests
{
    private static readonly Instant WeekAhead = At(2027, 8, 14, 9, 30, "Europe/Rome");

    [Fact]
    public async Task ASentDigest_IsLetGoOf_WhileTheRunGoesOn()
    {
        using var server = new ScriptedSmtpServer();
        using var facts = new TempFolder();
        var sending = new WatchedTransport();
        using var app = Subscribers(Host(facts, WeekAhead, server.Port), 60).WithServices(sending.Wrap);
        app.Start();

        Assert.Equal(61, (await app.DispatchAsync()).Sent);

        // Checked at every send from the twentieth on, after a full collection: of those sent ten or more sends before,
        // a connection may still hold the last one it wrote until it writes the next (every one of them, before: 50).
        Assert.Equal(41, sending.Checks);
        Assert.InRange(sending.MostStillAlive, 0, 2);
    }

    [Fact]
    public async Task ASentDigest_ReleasesItsContent_OnceTheServerHasAnswered()
    {
        using var server = new ScriptedSmtpServer();
        using var facts = new TempFolder();
        var sending = new WatchedTransport();
        using var app = Subscribers(Host(facts, WeekAhead, server.Port), 3).WithServices(sending.Wrap);
        app.Start();

        Assert.Equal(4, (await app.DispatchAsync()).Sent);

        // Text, HTML and the .ics of each digest: closed, not left for the finalizer thread.
        Assert.Equal(12, sending.Contents.Count);
        Assert.All(sending.Contents, content => Assert.False(content.CanRead));
    }

    private static CalendarApplication Subscribers(CalendarApplication app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            app.With($"Calendar:Subscriptions:{i + 2}:Email", $"reader{i}@example.org")
                .With($"Calendar:Subscriptions:{i + 2}:Countries:0", "XB")
                .With($"Calendar:Subscriptions:{i + 2}:TimeZone", "Europe/Rome");
        }

        return app;
    }

    /// <summary>The service's SMTP transport, watched: which messages it was given are still alive, and their contents.</summary>
    private sealed class WatchedTransport
    {
        private const int CheckFrom = 20;
        private const int Distance = 10;
        private readonly List<WeakReference<MimeMessage>> _messages = [];

        public List<Stream> Contents { get; } = [];

        public int Checks { get; private set; }

        public int MostStillAlive { get; private set; }

        public void Wrap(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IMailTransport)).ImplementationFactory!;
            services.Replace(ServiceDescriptor.Singleton<IMailTransport>(provider => new Transport((IMailTransport)original(provider), this)));
        }

        private void Sending(MimeMessage message)
        {
            // Two connections send at once: one at a time here.
            lock (_messages)
            {
                if (_messages.Count >= CheckFrom)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    var alive = _messages.Take(_messages.Count - Distance).Count(sent => sent.TryGetTarget(out _));
                    MostStillAlive = Math.Max(MostStillAlive, alive);
                    Checks++;
                }

                _messages.Add(new WeakReference<MimeMessage>(message));
                Contents.AddRange(message.BodyParts.OfType<MimePart>().Select(part => Assert.IsAssignableFrom<Stream>(part.Content?.Stream)));
            }
        }

        private sealed class Transport(IMailTransport inner, WatchedTransport watch) : IMailTransport
        {
            public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => new Session(await inner.OpenAsync(cancellationToken), watch);
        }

        private sealed class Session(IMailSession inner, WatchedTransport watch) : IMailSession
        {
            public Task SendAsync(MimeMessage message, Task holdUntil, CancellationToken cancellationToken)
            {
                watch.Sending(message);
                return inner.SendAsync(message, holdUntil, cancellationToken);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
