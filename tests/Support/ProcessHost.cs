using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Peksos.Clean.Testing;

/// <summary>The real host in its own process on a real port (for kill tests and a real browser).</summary>
public sealed class ProcessHost : IDisposable
{
    private readonly Process _process;

    private ProcessHost(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public const string AdminKey = "process-host-admin-key";

    public string BaseUrl { get; }

    public HttpClient Client { get; }

    /// <summary>A client of this host with the given API key.</summary>
    public HttpClient ClientWithKey(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static async Task<ProcessHost> StartAsync(TestDatabase database, string apiAssemblyPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var api = apiAssemblyPath;
        var start = new ProcessStartInfo("dotnet", [api, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = database.ProviderName;
        start.Environment["ConnectionStrings__Peksos"] = database.ConnectionString;
        start.Environment["Auth__BootstrapAdminKey"] = AdminKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["RateLimiting__PerKeyPerMinute"] = "1000000";
        start.Environment["RateLimiting__AnonymousPerMinute"] = "1000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new ProcessHost(process, port);

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it was ready.");
            }
            try
            {
                if ((await host.Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        host.Dispose();
        throw new TimeoutException("The host did not become ready.");
    }

    /// <summary>The host's peak resident memory so far (VmHWM), in bytes; Linux only.</summary>
    public long PeakMemoryBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The CPU time the host process has used so far (user and system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
