using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Trainings;
using Peksos.Clean.Application.Trainings.CompleteTraining;
using Peksos.Clean.Application.Trainings.EnrolTrainingParticipant;
using Peksos.Clean.Application.Trainings.GetTraining;
using Peksos.Clean.Application.Trainings.PlanTraining;

namespace Peksos.Clean.Api.Endpoints;

public sealed record TrainingParticipantRequest(Guid? CandidateId);

public sealed record CompletionRequest(IReadOnlyList<AttendanceInput>? Attendance);

public static class TrainingEndpoints
{
    public static IEndpointRouteBuilder MapTrainingEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/trainings").WithTags("Training events (Bimtek)").RequireAuthorization(Policies.Admin);

        group.MapPost("/", async Task<Results<Created<TrainingDto>, ProblemHttpResult>> (PlanTraining command, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreated(t => $"/api/v1/trainings/{t.Id}", http))
            .Idempotent<TrainingDto>(t => $"/api/v1/trainings/{t.Id}")
            .WithName("PlanTraining")
            .WithSummary("Plans a Bimtek (technical guidance) event.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<TrainingDto>, ProblemHttpResult>> (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new GetTraining(id), ct)).ToOk(http))
            .WithName("GetTraining")
            .WithSummary("A Bimtek with its participants and, once completed, their attended hours.");

        group.MapPost("/{id:guid}/participants", async Task<Results<Created<TrainingDto>, ProblemHttpResult>> (Guid id, TrainingParticipantRequest body, ISender sender,
                HttpContext http, CancellationToken ct) =>
                (await sender.Send(new EnrolTrainingParticipant(id, body.CandidateId, http.IfMatch()), ct)).ToCreated(t => $"/api/v1/trainings/{t.Id}", http))
            .Idempotent<TrainingDto>(t => $"/api/v1/trainings/{t.Id}")
            .WithName("EnrolTrainingParticipant")
            .WithSummary("Enrols a registered candidate in the Bimtek, within its capacity.");

        group.MapPost("/{id:guid}/completion", async Task<Results<Ok<TrainingDto>, ProblemHttpResult>> (Guid id, CompletionRequest body, ISender sender,
                HttpContext http, CancellationToken ct) =>
                (await sender.Send(new CompleteTraining(id, body.Attendance, http.IfMatch()), ct)).ToOk(http))
            .WithName("CompleteTraining")
            .WithSummary("Completes the training; each attendee gains a bimtek training record of the attended hours, exactly once.");

        return routes;
    }
}
