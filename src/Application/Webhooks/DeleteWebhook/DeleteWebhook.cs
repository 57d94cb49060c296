using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Webhooks.DeleteWebhook;

/// <summary>Ends a subscription: nothing more is delivered to it.</summary>
public sealed record DeleteWebhook(Guid Id) : ICommand<Result>;

public sealed class DeleteWebhookHandler(IWebhookStore store, ICurrentActor actor, ChangeTracker tracker, TimeProvider clock) : ICommandHandler<DeleteWebhook, Result>
{
    public async ValueTask<Result> Handle(DeleteWebhook m, CancellationToken cancellationToken)
    {
        if (await store.GetVisibleAsync(actor, m.Id, cancellationToken) is not { } subscription)
        {
            return WebhookErrors.NotFound;
        }

        subscription.Delete(clock.GetUtcNow());
        await store.DeleteAsync(subscription, cancellationToken);
        tracker.Track(subscription);
        return Result.Success();
    }
}
