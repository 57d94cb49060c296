using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Webhooks;
using Peksos.Clean.Application.Webhooks.CreateWebhook;
using Peksos.Clean.Application.Webhooks.DeleteWebhook;
using Peksos.Clean.Application.Webhooks.GetWebhook;
using Peksos.Clean.Application.Webhooks.GetWebhookDeliveries;
using Peksos.Clean.Application.Webhooks.GetWebhooks;

namespace Peksos.Clean.Api.Endpoints;

public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var webhooks = routes.MapGroup("/api/v1/webhooks").WithTags("Integration").RequireAuthorization(Policies.AdminOrConsumer);

        webhooks.MapPost("/", async Task<Results<Created<CreatedWebhookDto>, ProblemHttpResult>> (CreateWebhook command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreated(w => $"/api/v1/webhooks/{w.Id}"))
            .CarriesPersonalData()
            .WithName("CreateWebhook")
            .WithSummary("Subscribes a URL to event types (optionally only for some certificates). Deliveries are signed with the secret, shown in this response only.");

        webhooks.MapGet("/", async Task<Results<Ok<WebhookList>, ProblemHttpResult>> (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetWebhooks(), ct)).ToOk())
            .WithName("GetWebhooks")
            .WithSummary("The subscriptions this key may see: every one for an admin, its own for a consumer.");

        webhooks.MapGet("/{id:guid}", async Task<Results<Ok<WebhookDto>, ProblemHttpResult>> (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetWebhook(id), ct)).ToOk())
            .WithName("GetWebhook")
            .WithSummary("One subscription, with its status (active, or disabled when a delivery's tries ran out).");

        webhooks.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DeleteWebhook(id), ct)).ToNoContent())
            .WithName("DeleteWebhook")
            .WithSummary("Ends a subscription; nothing more is delivered to it.");

        webhooks.MapGet("/{id:guid}/deliveries", async Task<Results<Ok<WebhookDeliveryList>, ProblemHttpResult>> (Guid id, int? limit, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetWebhookDeliveries(id, limit), ct)).ToOk())
            .WithName("GetWebhookDeliveries")
            .WithSummary("The latest delivery tries, newest first: event, try number, succeeded or failed, the receiver's status.");

        return routes;
    }
}
