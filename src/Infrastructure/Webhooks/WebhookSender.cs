using System.Net;
using System.Net.Sockets;
using System.Text;
using Peksos.Clean.Application.Webhooks;
using StandardWebhooks;

namespace Peksos.Clean.Infrastructure.Webhooks;

/// <summary>What a receiver answered to one delivery: its status, or why there was no answer.</summary>
public sealed record DeliveryOutcome(bool Succeeded, int? ResponseStatus, string? Error);

/// <summary>
/// Posts one delivery, signed as Standard Webhooks specifies (<c>webhook-id</c>, <c>webhook-timestamp</c>,
/// <c>webhook-signature</c>). Follows no redirect, waits <c>Webhooks:Timeout</c> at most, connects to public addresses
/// only (unless allowed otherwise) and keeps no more of a response than a short prefix.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const int KeptResponseChars = 200;

    private readonly HttpClient _client;
    private readonly TimeProvider _clock;

    public WebhookSender(WebhookOptions options, TimeProvider clock)
    {
        _clock = clock;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = options.AllowPrivateTargets ? null : ConnectPubliclyAsync,
        };
        _client = new HttpClient(handler) { Timeout = options.Timeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Peksos.Clean-Webhooks/1");
    }

    public async Task<DeliveryOutcome> SendAsync(Uri url, string secret, string eventId, string body, CancellationToken cancellationToken)
    {
        var timestamp = _clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", eventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", Signature(secret, eventId, timestamp, body));
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new DeliveryOutcome(true, status, null)
                : new DeliveryOutcome(false, status, await PrefixAsync(response, cancellationToken));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(false, null, "No answer in time.");
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryOutcome(false, null, ex.InnerException is RefusedTarget ? ex.InnerException.Message : $"Could not deliver: {ex.HttpRequestError}.");
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The <c>webhook-signature</c> header: <c>v1,</c> and the base64 HMAC-SHA256 of <c>id.timestamp.body</c> under the secret.</summary>
    public static string Signature(string secret, string eventId, DateTimeOffset timestamp, string body) =>
        new StandardWebhook(secret).Sign(eventId, timestamp, body);

    /// <summary>The start of a refusal's body, for the delivery log; the rest is not read.</summary>
    private static async Task<string?> PrefixAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new char[KeptResponseChars];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    /// <summary>Resolves the host and connects only to a public address, so a name cannot lead a delivery inside the network.</summary>
    private static async ValueTask<Stream> ConnectPubliclyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var target = addresses.FirstOrDefault(WebhookTargets.IsPublic)
            ?? throw new RefusedTarget($"'{context.DnsEndPoint.Host}' resolves to no public address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class RefusedTarget(string message) : Exception(message);
}
