using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Api.Tests;

/// <summary>
/// Kills (SIGKILL, not a graceful stop) a real host process during a burst of writes, restarts it on the same
/// database, and checks that every acknowledged write and its event are there and that no command is half-written.
/// </summary>
public abstract class CrashSafetyTests(DatabaseProvider provider)
{
    private const string AdminKey = "crash-test-admin-key";

    private sealed class Host : IDisposable
    {
        private readonly Process _process;

        private Host(Process process, int port)
        {
            _process = process;
            Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            Client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        }

        public HttpClient Client { get; }

        public static async Task<Host> StartAsync(TestDatabase database)
        {
            var port = FreePort();
            var api = typeof(Program).Assembly.Location;
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
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var host = new Host(process, port);

            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                process.HasExited.Should().BeFalse("the host must start");
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

    [SkippableFact]
    public async Task KillDuringABurstOfWrites_LosesNoAcknowledgedWriteOrEvent()
    {
        await using var database = TestDatabase.Create(provider);
        var acknowledged = new ConcurrentBag<Guid>();
        var attempted = 0;

        using (var host = await Host.StartAsync(database))
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
            {
                for (var i = 1; i < 10_000 && !stop.IsCancellationRequested; i++)
                {
                    Interlocked.Increment(ref attempted);
                    var body = CandidatesApiTests.ValidCandidate($"18710145069{writer}{i:D4}");
                    try
                    {
                        var response = await host.Client.PostAsJsonAsync("/api/v1/candidates", body);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // the host is gone
                    }
                }
            })).ToList();

            var burst = Stopwatch.StartNew();
            while (acknowledged.Count < 60 && burst.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20);
            }

            host.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        acknowledged.Should().HaveCountGreaterThanOrEqualTo(60);

        using var restarted = await Host.StartAsync(database);
        foreach (var id in acknowledged)
        {
            (await restarted.Client.GetAsync($"/api/v1/candidates/{id}")).StatusCode.Should().Be(HttpStatusCode.OK, $"candidate {id} was acknowledged");
        }

        var registered = new HashSet<Guid>();
        var after = "0";
        while (true)
        {
            var page = await (await restarted.Client.GetAsync($"/api/v1/events?after={after}&limit=200")).ShouldBeJson(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
            {
                break;
            }

            foreach (var item in items.Where(i => i.GetProperty("type").GetString() == "candidate.registered"))
            {
                registered.Add(item.GetProperty("data").GetProperty("candidateId").GetGuid());
            }

            after = page.GetProperty("nextCursor").GetString()!;
        }

        registered.Should().Contain(acknowledged, "every acknowledged write has its event");

        // Nothing half-written: every stored candidate has its event, and every event its candidate.
        var storedIds = new HashSet<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await restarted.Client.GetAsync($"/api/v1/candidates?limit=200{(cursor is null ? "" : "&cursor=" + cursor)}")).ShouldBeJson(HttpStatusCode.OK);
            storedIds.UnionWith(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        storedIds.Should().BeEquivalentTo(registered);
        storedIds.Count.Should().BeLessThanOrEqualTo(attempted);
    }
}

public sealed class SqliteCrashSafetyTests() : CrashSafetyTests(DatabaseProvider.Sqlite);

public sealed class PostgresCrashSafetyTests() : CrashSafetyTests(DatabaseProvider.Postgres);
