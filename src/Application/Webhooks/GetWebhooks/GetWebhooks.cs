using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Webhooks.GetWebhooks;

/// <summary>The subscriptions the caller may see: all for an admin, its own for a consumer.</summary>
public sealed record GetWebhooks : IQuery<Result<WebhookList>>;

public sealed class GetWebhooksHandler(IWebhookStore store, ICurrentActor actor) : IQueryHandler<GetWebhooks, Result<WebhookList>>
{
    public async ValueTask<Result<WebhookList>> Handle(GetWebhooks query, CancellationToken cancellationToken)
    {
        var subscriptions = await store.ListAsync(actor.Role == Roles.Admin ? null : actor.KeyId, cancellationToken);
        return new WebhookList(subscriptions.Select(WebhookDto.From).ToList());
    }
}
