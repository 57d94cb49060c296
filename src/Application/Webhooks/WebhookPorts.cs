using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Webhooks;

namespace Peksos.Clean.Application.Webhooks;

/// <summary>One try of delivering one event to one subscription, as logged.</summary>
public sealed record WebhookDeliveryRecord(Guid WebhookId, long EventId, string Type, int Attempt, bool Succeeded, int? ResponseStatus, string? Error, DateTimeOffset At);

public interface IWebhookStore
{
    /// <summary>Inserts the subscription with its secret (stored encrypted) and its watched certificates.</summary>
    Task AddAsync(WebhookSubscription subscription, string secret, CancellationToken cancellationToken);

    Task<WebhookSubscription?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Every subscription, or those of one API key, oldest first.</summary>
    Task<IReadOnlyList<WebhookSubscription>> ListAsync(string? ownerKeyId, CancellationToken cancellationToken);

    /// <summary>Saves the delivery state (version-checked: a concurrent change is a conflict).</summary>
    Task<Result> SaveAsync(WebhookSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Deletes the subscription, its watch-list and its delivery log.</summary>
    Task DeleteAsync(WebhookSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Moves past events the subscription does not want (none between <paramref name="from"/> and <paramref name="to"/>); false when it had moved.</summary>
    Task<bool> PassOverAsync(Guid id, long from, long to, CancellationToken cancellationToken);

    Task LogAsync(IReadOnlyList<WebhookDeliveryRecord> deliveries, CancellationToken cancellationToken);

    /// <summary>Deletes delivery-log entries from before <paramref name="before"/>; answers how many.</summary>
    Task<int> PurgeDeliveriesAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The latest tries first.</summary>
    Task<IReadOnlyList<WebhookDeliveryRecord>> DeliveriesAsync(Guid id, int take, CancellationToken cancellationToken);

    /// <summary>The id of the last event committed (0 when none).</summary>
    Task<long> LastEventIdAsync(CancellationToken cancellationToken);
}

/// <summary>Where deliveries may go: a URL's host must not resolve to a loopback, link-local or private address (SSRF).</summary>
public interface IWebhookTargets
{
    /// <summary>Null when the host resolves only to addresses deliveries may reach; otherwise the reason.</summary>
    Task<Error?> CheckAsync(Uri url, CancellationToken cancellationToken);
}
