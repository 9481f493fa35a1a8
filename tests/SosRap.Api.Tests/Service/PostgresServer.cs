using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SosRap.Api.Tests.Service;

/// <summary>
/// A throw-away PostgreSQL server for the test run: <c>initdb</c> into a temporary directory (as
/// user <c>postgres</c> when running as root, since initdb refuses root), started on a free local
/// port with its socket in that directory, stopped and removed when the tests end. Each test class
/// gets a database of its own. Needs Debian's <c>postgresql</c> (<c>scripts/setup.sh --test</c>).
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? s_instance;
    private static string? s_unavailable;
    private readonly string _bin;
    private readonly string _root;
    private int _databases;

    private PostgresServer(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Why PostgreSQL cannot run here, or null when it can (binaries are installed).</summary>
    public static string? Unavailable => FindBin() is null ? "PostgreSQL is not installed (scripts/setup.sh --test installs Debian's postgresql)" : null;

    /// <summary>The shared server, started on first use.</summary>
    public static async Task<PostgresServer> GetAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (s_unavailable is not null) throw new InvalidOperationException(s_unavailable);
            if (s_instance is not null) return s_instance;
            try
            {
                s_instance = await StartAsync(cancellationToken);
            }
            catch (Exception e)
            {
                s_unavailable = "PostgreSQL did not start: " + e.Message;
                throw;
            }

            return s_instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops the shared server if it was started.</summary>
    public static async Task StopSharedAsync()
    {
        if (s_instance is { } server)
        {
            s_instance = null;
            await server.DisposeAsync();
        }
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "sosrap_test_" + Interlocked.Increment(ref _databases) + "_" + Environment.ProcessId;
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=true;Maximum Pool Size=20";

    private static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var bin = FindBin() ?? throw new InvalidOperationException(Unavailable);
        var root = Path.Combine(Path.GetTempPath(), "sosrap-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            await RunAsync("chown", ["postgres", root], asPostgres: false, cancellationToken);
        }

        var data = Path.Combine(root, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"], asRoot, cancellationToken);
        var port = FreePort();
        var server = new PostgresServer(bin, root, port);
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-w", "-t", "60", "-D", data, "-l", Path.Combine(root, "server.log"),
             "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"],
            asRoot, cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "stop"],
                Environment.UserName == "root", CancellationToken.None);
        }
        finally
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        }

        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}
