using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Peksos.Clean.Testing;

namespace Peksos.Clean.Api.Tests;

/// <summary>A real HTTP receiver on loopback (Kestrel): it records every delivery and answers what the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Delivery> _received = new();
    private LoopbackServer _server = null!;
    private int _requests;

    public sealed record Delivery(string Id, string Timestamp, string Signature, string Body);

    /// <summary>The status to answer the n-th request (1-based); 200 unless set.</summary>
    public Func<int, int> Status { get; set; } = _ => 200;

    /// <summary>When set, requests are held until the sender gives up.</summary>
    public bool NeverAnswer { get; set; }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<Delivery> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.MapPost("/hook", (Delegate)receiver.HandleAsync));
        receiver.Url = receiver._server.Url("/hook");
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var n = Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _received.Enqueue(new Delivery(context.Request.Headers["webhook-id"].ToString(), context.Request.Headers["webhook-timestamp"].ToString(),
            context.Request.Headers["webhook-signature"].ToString(), body));
        if (NeverAnswer)
        {
            await LoopbackServer.NeverAnswerAsync(context);
        }

        return Results.StatusCode(Status(n));
    }

    /// <summary>Waits until at least <paramref name="count"/> deliveries have arrived (10 s at most) and returns them.</summary>
    public async Task<IReadOnlyList<Delivery>> WaitForAsync(int count)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (_received.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        _received.Should().HaveCountGreaterThanOrEqualTo(count, "the deliveries should have arrived");
        return Received;
    }

    /// <summary>Checks a delivery's signature as a receiver would, by the specification: HMAC-SHA256 of "id.timestamp.body".</summary>
    public static bool SignedWith(Delivery delivery, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.{delivery.Body}")));
        return delivery.Signature.Split(' ').Any(s => s == "v1," + expected);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
