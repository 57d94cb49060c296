using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Peksos.Clean.Infrastructure.Persistence;
using Peksos.Clean.Infrastructure.Webhooks;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Bench;

/// <summary>
/// Webhook delivery through the real host (its own process, SQLite): deliveries per second to a fast local receiver,
/// next to the same signed posts sent one after another by a bare client (the limit of in-order delivery); and the
/// verification read's throughput while 1,000 deliveries to a receiver that never answers are pending, next to the
/// same read with none pending.
/// </summary>
public static class WebhookDelivery
{
    public static async Task<int> RunAsync(int events, int rounds)
    {
        await using var receivers = await Receivers.StartAsync();
        await using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        var api = Path.Combine(AppContext.BaseDirectory, "Peksos.Clean.Api.dll");
        await SeedAsync(database, api);
        using var host = await ProcessHost.StartAsync(database, api, new Dictionary<string, string>
        {
            ["Webhooks__AllowPrivateTargets"] = "true",
            ["RateLimiting__AnonymousPerMinute"] = "1000000000",
            ["Webhooks__RetryDelays"] = string.Join(',', Enumerable.Repeat("1s", 20)),
        });
        var admin = host.Client;
        var number = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/certificates?limit=1")).GetProperty("items")[0].GetProperty("number").GetString()!;
        var person = 0;

        var deliveryRatios = new List<double>();
        var verifyRatios = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            // Round 0 warms the host up (its code is recompiled with profile data under load) and is not counted.
            // Deliveries: the receiver refuses until every event is committed, then the backlog drains in order.
            receivers.Open = false;
            receivers.Reset();
            var fast = await SubscribeAsync(admin, receivers.FastUrl);
            await ImportAsync(admin, person, events);
            person += events;
            receivers.Open = true;
            var drained = await receivers.WaitForAcceptedAsync(events, TimeSpan.FromMinutes(5));
            (await admin.DeleteAsync($"/api/v1/webhooks/{fast}")).EnsureSuccessStatusCode();
            var bare = await receivers.BarePostsPerSecondAsync(events);
            var deliveryRatio = drained / bare;

            // Verification with 1,000 deliveries pending to a receiver that never answers, then with none.
            var dead = await SubscribeAsync(admin, receivers.DeadUrl);
            await ImportAsync(admin, person, 1_000);
            person += 1_000;
            var pending = await VerifyPerSecondAsync(host.BaseUrl, number);
            (await admin.DeleteAsync($"/api/v1/webhooks/{dead}")).EnsureSuccessStatusCode();
            await ImportAsync(admin, person, 1_000); // the same work just before, with no delivery pending
            person += 1_000;
            var idle = await VerifyPerSecondAsync(host.BaseUrl, number);
            if (round > 0)
            {
                deliveryRatios.Add(deliveryRatio);
                verifyRatios.Add(pending / idle);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(round == 0 ? "warm-up" : $"round {round}")}: {events} deliveries at {drained:F0}/s, bare signed posts {bare:F0}/s, ratio {deliveryRatio:F2}; "
                + $"verify {pending:F0} req/s with 1,000 pending to a dead receiver, {idle:F0} req/s with none, ratio {pending / idle:F2}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deliveries/bare: median {Median(deliveryRatios):F2}; verify pending/none: median {Median(verifyRatios):F2}"));
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task SeedAsync(TestDatabase database, string api)
    {
        var seed = new ProcessStartInfo("dotnet", [api, "seed-demo"]) { WorkingDirectory = Path.GetDirectoryName(api)!, RedirectStandardOutput = true };
        seed.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        seed.Environment["Database__Provider"] = database.ProviderName;
        seed.Environment["ConnectionStrings__Peksos"] = database.ConnectionString;
        seed.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(seed)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
    }

    private static async Task<Guid> SubscribeAsync(HttpClient admin, Uri url)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "candidate.registered" } });
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task ImportAsync(HttpClient admin, int first, int rows)
    {
        var csv = new StringBuilder(RosterFile.Header).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            csv.Append(RosterFile.Line(RosterFile.ValidRow(700_000 + first + i))).Append('\n');
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        (await admin.PostAsync("/api/v1/candidates/import", content)).EnsureSuccessStatusCode();
    }

    /// <summary>Anonymous <c>GET /api/v1/verify/{number}</c> from 32 concurrent callers for 5 s, after a 3 s warm-up.</summary>
    private static async Task<double> VerifyPerSecondAsync(string baseUrl, string number)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(baseUrl) };
        async Task<long> LoadAsync(TimeSpan duration)
        {
            var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var counts = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
            {
                long done = 0;
                while (Stopwatch.GetTimestamp() < until)
                {
                    using var response = await client.GetAsync($"/api/v1/verify/{number}");
                    response.EnsureSuccessStatusCode();
                    done++;
                }

                return done;
            }));
            return counts.Sum();
        }

        await LoadAsync(TimeSpan.FromSeconds(3));
        return await LoadAsync(TimeSpan.FromSeconds(5)) / 5.0;
    }

    /// <summary>The fast receiver (204, or 503 until opened) and the dead one (never answers), on loopback Kestrel.</summary>
    private sealed class Receivers : IAsyncDisposable
    {
        private LoopbackServer _server = null!;
        private int _accepted;
        private long _firstAt;
        private long _lastAt;

        public volatile bool Open;

        public Uri FastUrl { get; private set; } = null!;

        public Uri DeadUrl { get; private set; } = null!;

        public static async Task<Receivers> StartAsync()
        {
            var receivers = new Receivers();
            receivers._server = await LoopbackServer.StartAsync(app =>
            {
                app.MapPost("/fast", (Delegate)receivers.Fast);
                app.MapPost("/dead", LoopbackServer.NeverAnswerAsync);
            });
            receivers.FastUrl = receivers._server.Url("/fast");
            receivers.DeadUrl = receivers._server.Url("/dead");
            return receivers;
        }

        private async Task<IResult> Fast(HttpContext context)
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            if (!Open)
            {
                return Results.StatusCode(503);
            }

            var now = Stopwatch.GetTimestamp();
            if (Interlocked.Increment(ref _accepted) == 1)
            {
                _firstAt = now;
            }

            _lastAt = now;
            return Results.NoContent();
        }

        public void Reset() => _accepted = 0;

        /// <summary>Deliveries per second from the first accepted to the <paramref name="count"/>-th.</summary>
        public async Task<double> WaitForAcceptedAsync(int count, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (Volatile.Read(ref _accepted) < count)
            {
                if (watch.Elapsed > timeout)
                {
                    throw new TimeoutException($"{_accepted} of {count} deliveries arrived.");
                }

                await Task.Delay(20);
            }

            return (count - 1) / Stopwatch.GetElapsedTime(_firstAt, _lastAt).TotalSeconds;
        }

        /// <summary>The same number of signed posts, one after another over one connection, as fast as the receiver takes them.</summary>
        public async Task<double> BarePostsPerSecondAsync(int count)
        {
            Reset();
            using var client = new HttpClient();
            const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
            for (var i = 1; i <= count; i++)
            {
                var id = i.ToString(CultureInfo.InvariantCulture);
                var body = $$$"""{"id":{{{id}}},"type":"candidate.registered","occurredAt":"2026-12-01T02:00:00.000Z","data":{"candidateId":"{{{Guid.NewGuid()}}}"}}""";
                using var request = new HttpRequestMessage(HttpMethod.Post, FastUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                var now = DateTimeOffset.UtcNow;
                request.Headers.Add("webhook-id", id);
                request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("webhook-signature", WebhookSender.Signature(Secret, id, now, body));
                (await client.SendAsync(request)).EnsureSuccessStatusCode();
            }

            return (count - 1) / Stopwatch.GetElapsedTime(_firstAt, _lastAt).TotalSeconds;
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
