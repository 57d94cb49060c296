using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Candidates.GetCandidate;
using Peksos.Clean.Application.Candidates.RegisterCandidate;

namespace Peksos.Clean.Api.Endpoints;

public static class CandidateEndpoints
{
    public static IEndpointRouteBuilder MapCandidateEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/candidates").WithTags("Candidates");

        group.MapPost("/", async Task<Results<Created<CandidateDto>, ProblemHttpResult>> (RegisterCandidate command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreated(c => $"/api/v1/candidates/{c.Id}"))
            .WithName("RegisterCandidate")
            .WithSummary("Registers a candidate (NIK validated; one candidate per NIK). The NIK is returned masked.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<CandidateDto>, ProblemHttpResult>> (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetCandidate(id), ct)).ToOk())
            .WithName("GetCandidate")
            .WithSummary("One candidate, with practice and training totals.");

        return routes;
    }
}
