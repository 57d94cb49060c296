using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Webhooks.GetWebhookDeliveries;

/// <summary>The subscription's latest delivery tries, newest first (<c>limit</c> 1–200, default 50).</summary>
public sealed record GetWebhookDeliveries(Guid Id, int? Limit) : IQuery<Result<WebhookDeliveryList>>;

public sealed class GetWebhookDeliveriesHandler(IWebhookStore store, ICurrentActor actor) : IQueryHandler<GetWebhookDeliveries, Result<WebhookDeliveryList>>
{
    public async ValueTask<Result<WebhookDeliveryList>> Handle(GetWebhookDeliveries query, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        PageRequest.CheckLimit(query.Limit, errors);
        if (errors.HasErrors)
        {
            return Error.ValidationFailed(errors.Errors);
        }

        if (await store.GetVisibleAsync(actor, query.Id, cancellationToken) is null)
        {
            return WebhookErrors.NotFound;
        }

        var deliveries = await store.DeliveriesAsync(query.Id, query.Limit ?? PageRequest.DefaultLimit, cancellationToken);
        return new WebhookDeliveryList(deliveries.Select(d =>
            new WebhookDeliveryDto(d.EventId, d.Type, d.Attempt, d.Succeeded ? "succeeded" : "failed", d.ResponseStatus, d.Error, d.At)).ToList());
    }
}
