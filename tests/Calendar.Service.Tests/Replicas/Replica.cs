using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Calendar.Service.Tests.Replicas;

/// <summary>One replica of the service: the real executable in a process of its own, on a loopback port.</summary>
/// <remarks>
/// Not a second host in the test process: a replica that dies must take its threads, its connections and its
/// SMTP session with it, as a crashed machine does, and <see cref="Kill"/> (SIGKILL) gives it no chance to tidy up.
/// </remarks>
internal sealed class Replica : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private Replica(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The replica's <c>Calendar:NodeName</c>.</summary>
    public string Name { get; }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process has written so far, standard output and error together.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a replica named <paramref name="name"/> and waits until its <c>/health</c> answers.</summary>
    public static async Task<Replica> StartAsync(string name, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var variables = new Dictionary<string, string>(environment) { ["Calendar__NodeName"] = name };
        var start = ServiceProcess.StartInfo(workingDirectory, variables, ["--urls", $"http://127.0.0.1:{port}"]);
        var replica = new Replica(name, Process.Start(start)!, port);
        try
        {
            await Eventually.Get(replica.AnswersAsync, answers => answers || replica.HasExited, $"replica {name} to answer /health", TimeSpan.FromSeconds(60));
            if (replica.HasExited)
            {
                throw new InvalidOperationException($"Replica {name} exited ({replica._process.ExitCode}):\n{replica.Output}");
            }
        }
        catch
        {
            await replica.DisposeAsync();
            throw;
        }

        return replica;
    }

    /// <summary>Ends the process at once with SIGKILL, as a host that dies: nothing is flushed, nothing is said goodbye.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks the process to stop with SIGTERM, as an orchestrator does on a deploy, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>The replica's <c>/health</c> report.</summary>
    public async Task<JsonElement> HealthAsync()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync(new Uri("health", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    /// <summary>Whether the Quartz job that sends reminders is running on this replica now, as its <c>/health</c> says.</summary>
    public async Task<bool> IsSendingRemindersAsync()
    {
        try
        {
            return (await HealthAsync()).GetProperty("checks").GetProperty("node").GetProperty("data").GetProperty("sendingReminders").GetBoolean();
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Client.Dispose();
    }

    public override string ToString() => $"replica {Name}";

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await Client.GetAsync(new Uri("health", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
