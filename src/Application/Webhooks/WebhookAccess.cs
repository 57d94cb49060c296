using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Webhooks;

namespace Peksos.Clean.Application.Webhooks;

/// <summary>Admins see every subscription; a consumer only those its key created (others are answered as not found).</summary>
public static class WebhookAccess
{
    public static bool MaySee(this ICurrentActor actor, WebhookSubscription subscription) =>
        actor.Role == Roles.Admin || subscription.OwnerKeyId == actor.KeyId;

    public static async Task<WebhookSubscription?> GetVisibleAsync(this IWebhookStore store, ICurrentActor actor, Guid id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } subscription && actor.MaySee(subscription) ? subscription : null;
}
