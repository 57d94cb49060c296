using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Application.Events.GetAudit;
using Peksos.Clean.Application.Events.GetEvents;

namespace Peksos.Clean.Api.Endpoints;

public static class IntegrationEndpoints
{
    public static IEndpointRouteBuilder MapIntegrationEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/events", async Task<Results<FeedJson, ProblemHttpResult>> (string? after, int? limit, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetEvents(after, limit), ct)).ToFeedJson())
            .RequireAuthorization(Policies.AdminOrConsumer)
            .WithTags("Integration")
            .WithName("GetEvents")
            .WithSummary("Events after the given event id, in commit order (transactional outbox). Poll with nextCursor as 'after'.");

        routes.MapGet("/api/v1/audit", async Task<Results<Ok<AuditPage>, ProblemHttpResult>> (Guid? entityId, int? limit, string? cursor, ISender sender,
                CancellationToken ct) =>
                (await sender.Send(new GetAudit(entityId, limit, cursor), ct)).ToOk())
            .RequireAuthorization(Policies.Admin)
            .CarriesPersonalData()
            .WithTags("Integration")
            .WithName("GetAudit")
            .WithSummary("The append-only audit trail: who (key name and role) did what to which entity, and when.");

        return routes;
    }
}
