using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.ApiKeys.CreateApiKey;
using Peksos.Clean.Application.ApiKeys.RevokeApiKey;
using Peksos.Clean.Application.Assessors;
using Peksos.Clean.Application.Assessors.GetAssessor;
using Peksos.Clean.Application.Assessors.RegisterAssessor;

namespace Peksos.Clean.Api.Endpoints;

public static class AssessorEndpoints
{
    public static IEndpointRouteBuilder MapAssessorEndpoints(this IEndpointRouteBuilder routes)
    {
        var assessors = routes.MapGroup("/api/v1/assessors").WithTags("Assessors and keys").RequireAuthorization(Policies.Admin).CarriesPersonalData();

        assessors.MapPost("/", async Task<Results<Created<AssessorDto>, ProblemHttpResult>> (RegisterAssessor command, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreated(a => $"/api/v1/assessors/{a.Id}", http))
            .Idempotent<AssessorDto>(a => $"/api/v1/assessors/{a.Id}")
            .WithName("RegisterAssessor")
            .WithSummary("Registers a competency assessor (asesor kompetensi); the registration number is unique.");

        assessors.MapGet("/{id:guid}", async Task<Results<Ok<AssessorDto>, ProblemHttpResult>> (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new GetAssessor(id), ct)).ToOk(http))
            .WithName("GetAssessor")
            .WithSummary("One registered assessor.");

        var keys = routes.MapGroup("/api/v1/api-keys").WithTags("Assessors and keys").RequireAuthorization(Policies.Admin).CarriesPersonalData();

        keys.MapPost("/", async Task<Results<Created<CreatedApiKeyDto>, ProblemHttpResult>> (CreateApiKey command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreated(k => $"/api/v1/api-keys/{k.Id}"))
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key for a role (assessor keys name their assessor). The key is shown in this response only.");

        keys.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RevokeApiKey(id), ct)).ToNoContent())
            .WithName("RevokeApiKey")
            .WithSummary("Revokes a key; it stops working at once.");

        return routes;
    }
}
