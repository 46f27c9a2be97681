using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace Calendar.Service.Tests.Storage;

/// <summary>A real PostgreSQL server for the tests, and a fresh database on it for each test that asks.</summary>
/// <remarks>
/// <para>
/// <c>tests/run.sh</c> starts a throwaway cluster and passes it in <c>CALENDAR_TEST_POSTGRES</c> (a connection string
/// whose user may create databases). Without it, the first test that needs PostgreSQL starts a cluster of its own with
/// Debian's <c>initdb</c> and <c>pg_ctl</c> on a free loopback port (as the <c>postgres</c> user when the tests run as
/// root, which initdb refuses to be), and stops it when the test process ends.
/// </para>
/// <para>Missing PostgreSQL fails the test with the command that installs it; it never skips.</para>
/// </remarks>
internal sealed class PostgresServer
{
    public const string Variable = "CALENDAR_TEST_POSTGRES";
    private const string Install = "Install PostgreSQL (`sudo apt-get install postgresql`; tests/run.sh does it) or set " + Variable + " to a server where the user may create databases.";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    /// <summary>A new, empty database for one test: its connection string. It is left for the cluster to take away.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Shared.Value;
        var name = "calendar_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server._adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server._adminConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>The connection string for a service's own process: Npgsql's pool on, as a deployment runs it.</summary>
    /// <remarks>
    /// A test's own connections do not pool, so that replicas simulated in the test process never share one. A process of
    /// the service takes its pool with it when it ends; without one, each statement (the cluster's check-in every second
    /// among them) opened a server process of its own, and a replica with 300 configured subscriptions took 14 s to
    /// start instead of 6.
    /// </remarks>
    public static string ForServiceProcess(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return new PostgresServer(given);
        }

        var bin = FindBinaries();
        var root = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "calendar-tests", "postgres-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        if (root)
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "calendar", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], root);
        // fsync off and no socket file: a throwaway cluster for tests, reached over loopback TCP only.
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "start"], root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, data, folder, root);
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=calendar;Database=postgres;Pooling=false");
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(version => Path.Combine(version, "bin"))
            : [];
        return candidates.FirstOrDefault(bin => File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "initdb")))
            ?? throw new InvalidOperationException($"PostgreSQL's initdb and pg_ctl were not found under /usr/lib/postgresql/*/bin. {Install}");
    }

    private static void Stop(string bin, string data, string folder, bool root)
    {
        try
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], root).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The test process is ending: a cluster that would not stop is left for the temporary folder's cleanup.
        }
    }

    /// <summary>Runs a PostgreSQL program, as the postgres user when <paramref name="asPostgres"/> (runuser keeps the arguments apart).</summary>
    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
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
            throw new InvalidOperationException($"Could not run {start.FileName} ({e.Message}). {Install}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList.Prepend(start.FileName))} failed ({process.ExitCode}): {await output}{await error}");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
