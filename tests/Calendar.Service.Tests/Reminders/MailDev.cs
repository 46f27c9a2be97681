using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using MimeKit;

namespace Calendar.Service.Tests.Reminders;

/// <summary>A real SMTP server for the tests: MailDev from npm, on its own ports, read back through its REST API.</summary>
/// <remarks>Missing Node.js or MailDev fails the test with the command that installs them; it never skips.</remarks>
internal sealed class MailDev : IAsyncDisposable
{
    private const string Setup = "Run tests/run.sh once (it runs `npm ci --prefix tests/tools`), or that npm command yourself.";

    private readonly Process _process;
    private readonly HttpClient _api;
    private readonly TempFolder _mail = new();

    private MailDev(Process process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }

    /// <summary>Starts MailDev; on <paramref name="smtpPort"/> when given (to bring a "down" server up), else on a free port.</summary>
    public static async Task<MailDev> StartAsync(int? smtpPort = null)
    {
        var script = Path.Combine(Repository.Root, "tests", "tools", "node_modules", "maildev", "dist", "bin", "maildev.js");
        if (!File.Exists(script))
        {
            Assert.Fail($"MailDev is not installed ({script}). {Setup}");
        }

        var smtp = smtpPort ?? FreePort();
        var web = FreePort();
        // Its output goes unread: MailDev says little, and a redirected but unread pipe would eventually block it.
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = false, RedirectStandardError = true, UseShellExecute = false };
        var folder = Path.Combine(Path.GetTempPath(), "calendar-tests", "maildev-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var argument in new[] { script, "--smtp", $"{smtp}", "--web", $"{web}", "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--mail-directory", folder })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Node.js (`node`) is not on the PATH ({e.Message}). Install Node.js 20 or later. {Setup}");
            throw;
        }

        var mailDev = new MailDev(process, smtp, web);
        await Eventually.Get(() => Task.FromResult(Accepts(smtp) && Accepts(web)), up => up || process.HasExited, "MailDev to listen", TimeSpan.FromSeconds(20));
        if (process.HasExited)
        {
            Assert.Fail($"MailDev exited: {await process.StandardError.ReadToEndAsync()}");
        }

        return mailDev;
    }

    /// <summary>Every message received so far, parsed by MimeKit from the raw source, with the envelope's recipients.</summary>
    public async Task<List<Received>> MessagesAsync()
    {
        using var list = JsonDocument.Parse(await _api.GetStringAsync(new Uri("api/email", UriKind.Relative)));
        var messages = new List<Received>();
        foreach (var email in list.RootElement.EnumerateArray())
        {
            var id = email.GetProperty("id").GetString();
            await using var source = await _api.GetStreamAsync(new Uri($"api/email/{id}/source", UriKind.Relative));
            var message = await MimeMessage.LoadAsync(source);
            var to = email.GetProperty("envelope").GetProperty("to").EnumerateArray().Select(r => r.GetProperty("address").GetString()!).ToList();
            messages.Add(new Received(to, message));
        }

        return messages;
    }

    public async Task<List<Received>> WaitForAsync(int count) =>
        await Eventually.Get(MessagesAsync, messages => messages.Count >= count, $"{count} message(s) in MailDev");

    public async Task ClearAsync() => (await _api.DeleteAsync(new Uri("api/email/all", UriKind.Relative))).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _api.Dispose();
        _mail.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>A message as delivered: the envelope's recipients and the parsed message.</summary>
internal sealed record Received(IReadOnlyList<string> To, MimeMessage Message)
{
    public string Text => Message.TextBody ?? "";
}
