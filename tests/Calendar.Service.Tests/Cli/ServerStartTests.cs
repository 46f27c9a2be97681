using System.Net.Sockets;

namespace Calendar.Service.Tests.Cli;

/// <summary>The web server as a process: an address already taken is one clear line and exit code 1.</summary>
public class ServerStartTests
{
    [Fact]
    public async Task AnAddressInUse_IsNamedInOneLine_AndExitsOne()
    {
        using var facts = new TempFolder();
        facts.Write("facts.yaml", FactsFiles.Relations());
        // Another program holding the port, as a second copy of the service would.
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        var (exitCode, _, error) = await ServiceProcess.RunAsync(
            facts.Path, "--urls", address, $"--Calendar:FactsPath={facts.Path}", $"--Calendar:DataPath={facts.Path}/data");

        Assert.Equal(1, exitCode);
        Assert.Equal([$"Cannot listen on {address}: the address is already in use."], error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
