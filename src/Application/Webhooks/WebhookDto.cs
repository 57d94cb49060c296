using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Webhooks;

namespace Peksos.Clean.Application.Webhooks;

/// <summary>A subscription as its owner sees it (never its secret).</summary>
public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> EventTypes, IReadOnlyList<string> CertificateNumbers, string? Description,
    string Status, UtcTimestamp CreatedAt, UtcTimestamp? DisabledAt)
{
    public static WebhookDto From(WebhookSubscription s) => new(s.Id, s.Url.ToString(), s.EventTypes, s.CertificateNumbers.Order(StringComparer.Ordinal).ToList(),
        s.Description, StatusCode(s.Status), s.CreatedAt, s.DisabledAt is { } at ? at : null);

    public static string StatusCode(WebhookStatus status) => status == WebhookStatus.Active ? "active" : "disabled";
}

/// <summary>The new subscription with its signing secret, shown in this response only.</summary>
public sealed record CreatedWebhookDto(Guid Id, string Url, IReadOnlyList<string> EventTypes, IReadOnlyList<string> CertificateNumbers, string? Description,
    string Status, UtcTimestamp CreatedAt, string Secret);

public sealed record WebhookList(IReadOnlyList<WebhookDto> Items);

/// <summary>One try of one delivery: <c>status</c> is <c>succeeded</c> or <c>failed</c>; <c>error</c> says why a try got no answer.</summary>
public sealed record WebhookDeliveryDto(long EventId, string Type, int Attempt, string Status, int? ResponseStatus, string? Error, UtcTimestamp At);

public sealed record WebhookDeliveryList(IReadOnlyList<WebhookDeliveryDto> Items);
