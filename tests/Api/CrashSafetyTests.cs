using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
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
    [SkippableFact]
    public async Task KillDuringABurstOfWrites_LosesNoAcknowledgedWriteOrEvent()
    {
        await using var database = TestDatabase.Create(provider);
        var acknowledged = new ConcurrentBag<Guid>();
        var attempted = 0;

        using (var host = await ProcessHost.StartAsync(database, typeof(Program).Assembly.Location))
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

        using var restarted = await ProcessHost.StartAsync(database, typeof(Program).Assembly.Location);
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
