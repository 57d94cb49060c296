using System.Net;
using System.Net.Sockets;
using Peksos.Clean.Application.Webhooks;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Infrastructure.Webhooks;

/// <summary>
/// SSRF protection: deliveries reach public addresses only, unless <c>Webhooks:AllowPrivateTargets</c>. Checked when a
/// subscription is created and again on every connection (a name may resolve elsewhere later).
/// </summary>
public sealed class WebhookTargets(WebhookOptions options) : IWebhookTargets
{
    public async Task<Error?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        if (options.AllowPrivateTargets)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return WebhookErrors.UrlInvalid($"The host '{url.Host}' does not resolve.");
        }

        return addresses.Length == 0 || addresses.Any(a => !IsPublic(a))
            ? Error.Validation("webhook.url-private", $"'{url.Host}' resolves to a loopback, link-local or private address; deliveries go to public addresses only.", "url")
            : null;
    }

    /// <summary>Whether an address is on the public internet: not loopback, link-local, private, shared (CGNAT), multicast or unspecified.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC);
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 192 && b[1] == 0 && b[2] == 0)
            || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
    }
}
