using Calendar.Service.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace Calendar.Benchmarks;

/// <summary>Keeps a copy of what the service sends while <see cref="Capturing"/>: the baseline sends the very same messages.</summary>
internal sealed class CapturingTransport
{
    public bool Capturing { get; set; }

    public List<MimeMessage> Messages { get; } = [];

    /// <summary>Wraps the service's own transport (SMTP to the sink).</summary>
    public void Wrap(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IMailTransport)).ImplementationFactory!;
        services.Replace(ServiceDescriptor.Singleton<IMailTransport>(provider => new Transport((IMailTransport)original(provider), this)));
    }

    private sealed class Transport(IMailTransport inner, CapturingTransport capture) : IMailTransport
    {
        public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => new Session(await inner.OpenAsync(cancellationToken), capture);
    }

    private sealed class Session(IMailSession inner, CapturingTransport capture) : IMailSession
    {
        public Task SendAsync(MimeMessage message, Task holdUntil, CancellationToken cancellationToken)
        {
            if (capture.Capturing)
            {
                // A copy as the dispatcher made it (not yet prepared for the server), since it disposes its own once sent.
                using var bytes = new MemoryStream();
                message.WriteTo(bytes, cancellationToken);
                bytes.Position = 0;
                var copy = MimeMessage.Load(bytes, cancellationToken);
                // The dispatch sends over several connections at once.
                lock (capture.Messages)
                {
                    capture.Messages.Add(copy);
                }
            }

            return inner.SendAsync(message, holdUntil, cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
