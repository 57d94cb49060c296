using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Webhooks.GetWebhook;

public sealed record GetWebhook(Guid Id) : IQuery<Result<WebhookDto>>;

public sealed class GetWebhookHandler(IWebhookStore store, ICurrentActor actor) : IQueryHandler<GetWebhook, Result<WebhookDto>>
{
    public async ValueTask<Result<WebhookDto>> Handle(GetWebhook query, CancellationToken cancellationToken) =>
        await store.GetVisibleAsync(actor, query.Id, cancellationToken) is { } subscription ? WebhookDto.From(subscription) : WebhookErrors.NotFound;
}
