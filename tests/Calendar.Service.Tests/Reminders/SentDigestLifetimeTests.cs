using Calendar.Service.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using static Calendar.Service.Tests.Reminders.ReminderFacts;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A run of thousands of digests holds the few on the wire, not every one it has sent.</summary>
public class SentDigestLifetimeTests
{
    [Fact]
    public async Task ASentDigest_IsLetGoOf_WhileTheRunGoesOn()
    {
        var sending = await DispatchWatchedAsync(readers: 60);

        // Checked at every send from the twentieth on, after a full collection: of those sent ten or more sends before,
        // at most a straggler or two is still held for a moment (every one of them, before: 50).
        Assert.Equal(41, sending.Checks);
        Assert.InRange(sending.MostStillAlive, 0, 2);
    }

    [Fact]
    public async Task ASentDigest_ReleasesItsContent_OnceTheServerHasAnswered()
    {
        var sending = await DispatchWatchedAsync(readers: 3);

        // Text, HTML and the .ics of each digest: closed, not left for the finalizer thread.
        Assert.Equal(12, sending.Contents.Count);
        Assert.All(sending.Contents, content => Assert.False(content.CanRead));
    }

    /// <summary>One run for Alice and <paramref name="readers"/> more, every digest sent to a real SMTP server, the transport watched.</summary>
    private static async Task<WatchedTransport> DispatchWatchedAsync(int readers)
    {
        using var server = new ScriptedSmtpServer();
        using var facts = new TempFolder();
        var sending = new WatchedTransport();
        using var app = Host(facts, WeekAhead, server.Port).WithReaders(readers).WithServices(sending.Wrap);
        app.Start();

        Assert.Equal(readers + 1, (await app.DispatchAsync()).Sent);
        return sending;
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
