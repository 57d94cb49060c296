using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Webhooks.RecordDeliveryAttempts;

/// <summary>One try of delivering one event: a 2xx acknowledges it; anything else is a failure.</summary>
public sealed record DeliveryTry(long EventId, string Type, bool Succeeded, int? ResponseStatus, string? Error);

/// <summary>
/// The delivery worker reports the tries it made, in order, of the events after <paramref name="FromPosition"/>: each
/// acknowledged one moves the subscription on; a failed one (always the last) schedules the next try or, when none is
/// left, disables the subscription. One transaction for a run of tries.
/// </summary>
public sealed record RecordDeliveryAttempts(Guid WebhookId, long FromPosition, IReadOnlyList<DeliveryTry> Tries) : ICommand<Result>;

public sealed class RecordDeliveryAttemptsHandler(IWebhookStore store, WebhookOptions options, TimeProvider clock) : ICommandHandler<RecordDeliveryAttempts, Result>
{
    public async ValueTask<Result> Handle(RecordDeliveryAttempts m, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await store.GetAsync(m.WebhookId, cancellationToken) is not { } subscription || subscription.Position != m.FromPosition || !subscription.IsDue(now))
        {
            return WebhookErrors.Moved;
        }

        var log = new List<WebhookDeliveryRecord>(m.Tries.Count);
        foreach (var attempt in m.Tries)
        {
            log.Add(new WebhookDeliveryRecord(m.WebhookId, attempt.EventId, attempt.Type, subscription.NextAttempt, attempt.Succeeded, attempt.ResponseStatus, attempt.Error, now));
            if (!attempt.Succeeded)
            {
                subscription.Fail(now, options.Retries);
                break;
            }

            subscription.Acknowledge(attempt.EventId);
        }

        await store.LogAsync(log, cancellationToken);
        return await store.SaveAsync(subscription, cancellationToken);
    }
}
