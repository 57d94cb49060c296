using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Webhooks.RecordDeliveryAttempt;

/// <summary>
/// The delivery worker reports one try of the event after <paramref name="FromPosition"/>: a 2xx moves the
/// subscription on; anything else schedules the next try or, when none is left, disables it.
/// </summary>
public sealed record RecordDeliveryAttempt(Guid WebhookId, long FromPosition, long EventId, string Type, bool Succeeded, int? ResponseStatus, string? Error)
    : ICommand<Result>;

public sealed class RecordDeliveryAttemptHandler(IWebhookStore store, WebhookOptions options, TimeProvider clock) : ICommandHandler<RecordDeliveryAttempt, Result>
{
    public async ValueTask<Result> Handle(RecordDeliveryAttempt m, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await store.GetAsync(m.WebhookId, cancellationToken) is not { } subscription || subscription.Position != m.FromPosition || !subscription.IsDue(now))
        {
            return WebhookErrors.Moved;
        }

        await store.LogAsync(new WebhookDeliveryRecord(m.WebhookId, m.EventId, m.Type, subscription.NextAttempt, m.Succeeded, m.ResponseStatus, m.Error, now), cancellationToken);
        if (m.Succeeded)
        {
            subscription.Acknowledge(m.EventId);
        }
        else
        {
            subscription.Fail(now, options.Retries);
        }

        return await store.SaveAsync(subscription, cancellationToken);
    }
}
