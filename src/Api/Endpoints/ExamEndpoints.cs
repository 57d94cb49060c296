using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Exams;
using Peksos.Clean.Application.Exams.AssignExamAssessor;
using Peksos.Clean.Application.Exams.DecideExam;
using Peksos.Clean.Application.Exams.DeclareImpartiality;
using Peksos.Clean.Application.Exams.EnrolParticipant;
using Peksos.Clean.Application.Exams.ExportBnspReport;
using Peksos.Clean.Application.Exams.FileAppeal;
using Peksos.Clean.Application.Exams.GetExam;
using Peksos.Clean.Application.Exams.GetParticipantPortfolio;
using Peksos.Clean.Application.Exams.ListExams;
using Peksos.Clean.Application.Exams.MarkParticipantAbsent;
using Peksos.Clean.Application.Exams.PlanExam;
using Peksos.Clean.Application.Exams.ReassignParticipant;
using Peksos.Clean.Application.Exams.RecordAssessment;
using Peksos.Clean.Application.Exams.RemoveParticipant;
using Peksos.Clean.Application.Exams.RescheduleExam;
using Peksos.Clean.Application.Exams.ResolveAppeal;
using Peksos.Clean.Application.Exams.StartExam;
using Peksos.Clean.Application.Exams.WithdrawParticipant;
using Peksos.Clean.Application.Portfolios;

namespace Peksos.Clean.Api.Endpoints;

public sealed record AssignAssessorRequest(Guid? AssessorId);

public sealed record RescheduleRequest(string? Title, string? Venue, DateOnly? ScheduledOn, int? Capacity);

public sealed record EnrolRequest(Guid? PortfolioId, Guid? AssessorId);

public sealed record AbsenceRequest(string? Note);

public sealed record WithdrawalRequest(string? Reason);

public sealed record ReassignmentRequest(Guid? AssessorId, string? Reason);

public sealed record ImpartialityRequest(string? Statement);

public sealed record AssessmentRequest(int? WrittenScore, string? Interview, string? InterviewNotes,
    IReadOnlyList<EvidenceVerdictInput>? EvidenceVerdicts, IReadOnlyList<EssayScoreInput>? EssayScores, string? AmendmentReason);

public sealed record DecisionRequest(string? DecreeNumber, IReadOnlyList<PanelMemberInput>? Panel, IReadOnlyList<OverrideInput>? Overrides);

public sealed record AppealRequest(string? Reason);

public sealed record AppealResolutionRequest(bool? Upheld, string? Note);

public static class ExamEndpoints
{
    public static IEndpointRouteBuilder MapExamEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/exams").WithTags("Competency exams").CarriesPersonalData();

        group.MapPost("/", async Task<Results<Created<ExamDto>, ProblemHttpResult>> (PlanExam command, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreated(e => $"/api/v1/exams/{e.Id}", http))
            .RequireAuthorization(Policies.Admin)
            .Idempotent<ExamDto>(e => $"/api/v1/exams/{e.Id}")
            .WithName("PlanExam")
            .WithSummary("Plans a competency exam round for a scheme at a test venue (TUK).");

        group.MapGet("/", async Task<Results<Ok<Page<ExamSummaryDto>>, ProblemHttpResult>> (string? schemeCode, string? status, int? limit, string? cursor,
                ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListExams(schemeCode, status, limit, cursor), ct)).ToOk())
            .RequireAuthorization(Policies.AdminOrAssessor)
            .WithName("ListExams")
            .WithSummary("Exams, newest first; an assessor lists only the exams they are assigned to.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<ExamDto>, ProblemHttpResult>> (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new GetExam(id), ct)).ToOk(http))
            .RequireAuthorization(Policies.AdminOrAssessor)
            .WithName("GetExam")
            .WithSummary("The exam with participants, assessments and results; 404 for an assessor not assigned to it.");

        group.MapGet("/{id:guid}/bnsp-report.xlsx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, ISender sender, IBnspWorkbook workbook,
                HttpContext http, CancellationToken ct) =>
            {
                var rows = await sender.Send(new ExportBnspReport(id), ct);
                if (rows.IsFailure)
                {
                    return ProblemResults.Problem(rows.Error!);
                }

                using var body = new MemoryStream();
                await workbook.WriteAsync(rows.Value, body, ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(body.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bnsp-{id}.xlsx");
            })
            .RequireAuthorization(Policies.Admin)
            .CarriesPersonalData()
            .WithName("ExportBnspReport")
            .WithSummary("The BNSP participant list of a decided exam (.xlsx; the NIK in full, so every export is audited); 409 exam.not-decided before the decision.");

        group.MapPatch("/{id:guid}", async Task<Results<Ok<ExamDto>, ProblemHttpResult>> (Guid id, RescheduleRequest body, ISender sender, HttpContext http,
                CancellationToken ct) =>
                (await sender.Send(new RescheduleExam(id, body.Title, body.Venue, body.ScheduledOn, body.Capacity, http.IfMatch()), ct)).ToOk(http))
            .RequireAuthorization(Policies.Admin)
            .WithName("RescheduleExam")
            .WithSummary("Changes a planned exam's title, venue, day or capacity (never a past day, never below the enrolled count); what is not sent stays.");

        group.MapPost("/{id:guid}/assessors", async Task<Results<Ok<ExamDto>, ProblemHttpResult>> (Guid id, AssignAssessorRequest body, ISender sender,
                HttpContext http, CancellationToken ct) =>
                (await sender.Send(new AssignExamAssessor(id, body.AssessorId, http.IfMatch()), ct)).ToOk(http))
            .RequireAuthorization(Policies.Admin)
            .WithName("AssignExamAssessor")
            .WithSummary("Assigns a registered assessor to the exam.");

        group.MapPost("/{id:guid}/participants", async Task<Results<Created<ParticipantDto>, ProblemHttpResult>> (Guid id, EnrolRequest body, ISender sender,
                HttpContext http, CancellationToken ct) =>
                (await sender.Send(new EnrolParticipant(id, body.PortfolioId, body.AssessorId, http.IfMatch()), ct))
                    .ToCreated(p => $"/api/v1/exams/{id}"))
            .RequireAuthorization(Policies.Admin)
            .Idempotent<ParticipantDto>(p => $"/api/v1/exams/{p.ExamId}")
            .WithName("EnrolParticipant")
            .WithSummary("Enrols an accepted portfolio with one of the exam's assessors (conflict of interest, capacity and assessor load are checked).");

        group.MapDelete("/{id:guid}/participants/{participantId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Guid participantId,
                ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new RemoveParticipant(id, participantId, http.IfMatch()), ct)).ToNoContent())
            .RequireAuthorization(Policies.Admin)
            .WithName("RemoveParticipant")
            .WithSummary("Removes a participant while the exam is still planned (enrolled by mistake); the portfolio may enrol elsewhere.");

        group.MapPost("/{id:guid}/participants/{participantId:guid}/absence", async Task<Results<Ok<ParticipantDto>, ProblemHttpResult>> (Guid id,
                Guid participantId, AbsenceRequest body, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new MarkParticipantAbsent(id, participantId, body.Note, http.IfMatch()), ct)).ToOk())
            .RequireAuthorization(Policies.Admin)
            .WithName("MarkParticipantAbsent")
            .WithSummary("Marks a participant who did not come to the exam in progress: no result, no K/BK, the portfolio may enrol in a later exam.");

        group.MapPost("/{id:guid}/participants/{participantId:guid}/withdrawal", async Task<Results<Ok<ParticipantDto>, ProblemHttpResult>> (Guid id,
                Guid participantId, WithdrawalRequest body, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new WithdrawParticipant(id, participantId, body.Reason, http.IfMatch()), ct)).ToOk())
            .RequireAuthorization(Policies.Admin)
            .WithName("WithdrawParticipant")
            .WithSummary("Withdraws a participant before the plenary decision, with a reason: no result, the portfolio may enrol in a later exam.");

        group.MapPost("/{id:guid}/participants/{participantId:guid}/reassignment", async Task<Results<Ok<ParticipantDto>, ProblemHttpResult>> (Guid id,
                Guid participantId, ReassignmentRequest body, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new ReassignParticipant(id, participantId, body.AssessorId, body.Reason, http.IfMatch()), ct)).ToOk())
            .RequireAuthorization(Policies.Admin)
            .WithName("ReassignParticipant")
            .WithSummary("Hands a participant not yet assessed to another of the exam's assessors, with a reason (conflict of interest and assessor load are checked).");

        group.MapGet("/{id:guid}/participants/{participantId:guid}/portfolio", async Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> (Guid id,
                Guid participantId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetParticipantPortfolio(id, participantId), ct)).ToOk())
            .RequireAuthorization(Policies.AdminOrAssessor)
            .WithName("GetParticipantPortfolio")
            .WithSummary("The portfolio the participant is assessed on, with its evidence and essays; an assessor reads only their own participants'.");

        group.MapPost("/{id:guid}/start", async Task<Results<Ok<ExamDto>, ProblemHttpResult>> (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new StartExam(id, http.IfMatch()), ct)).ToOk(http))
            .RequireAuthorization(Policies.Admin)
            .WithName("StartExam")
            .WithSummary("Starts the exam: planned to in-progress (needs at least one participant).");

        group.MapPost("/{id:guid}/impartiality", async Task<Results<Ok<ExamDto>, ProblemHttpResult>> (Guid id, ImpartialityRequest body, ISender sender,
                HttpContext http, CancellationToken ct) =>
                (await sender.Send(new DeclareImpartiality(id, body.Statement), ct)).ToOk(http))
            .RequireAuthorization(Policies.Assessor)
            .WithName("DeclareImpartiality")
            .WithSummary("The calling assessor declares impartiality for this exam; required before assessing.");

        group.MapPost("/{id:guid}/participants/{participantId:guid}/assessment", async Task<Results<Ok<AssessmentOutcomeDto>, ProblemHttpResult>> (Guid id,
                Guid participantId, AssessmentRequest body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RecordAssessment(id, participantId, body.WrittenScore, body.Interview, body.InterviewNotes, body.EvidenceVerdicts,
                    body.EssayScores, body.AmendmentReason), ct)).ToOk())
            .RequireAuthorization(Policies.Assessor)
            .WithName("RecordAssessment")
            .WithSummary("The participant's own assessor records written score, interview and the portfolio review; answers the recommendation. "
                + "A recorded assessment is amended only with amendmentReason (the earlier version is kept in assessmentHistory).");

        group.MapPost("/{id:guid}/decision", async Task<Results<Ok<ExamDecisionDto>, ProblemHttpResult>> (Guid id, DecisionRequest body, ISender sender,
                HttpContext http, CancellationToken ct) =>
                (await sender.Send(new DecideExam(id, body.DecreeNumber, body.Panel, body.Overrides, http.IfMatch()), ct)).ToOk(http))
            .RequireAuthorization(Policies.Admin)
            .WithName("DecideExam")
            .WithSummary("The plenary decision; every K gets a certificate in the same transaction.");

        group.MapPost("/{id:guid}/participants/{participantId:guid}/appeal", async Task<Results<Created<AppealStateDto>, ProblemHttpResult>> (Guid id,
                Guid participantId, AppealRequest body, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new FileAppeal(id, participantId, body.Reason, http.IfMatch()), ct))
                    .ToCreated(_ => $"/api/v1/exams/{id}", http))
            .RequireAuthorization(Policies.Admin)
            .Idempotent<AppealStateDto>(a => $"/api/v1/exams/{a.ExamId}")
            .WithName("FileAppeal")
            .WithSummary("Files the appeal (banding) of a BK participant, once, within the scheme's appeal window.");

        group.MapPost("/{id:guid}/participants/{participantId:guid}/appeal/resolution", async Task<Results<Ok<AppealStateDto>, ProblemHttpResult>> (Guid id,
                Guid participantId, AppealResolutionRequest body, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new ResolveAppeal(id, participantId, body.Upheld, body.Note, http.IfMatch()), ct)).ToOk(http))
            .RequireAuthorization(Policies.Admin)
            .WithName("ResolveAppeal")
            .WithSummary("Upheld: the result becomes K and the certificate is issued. Dismissed: BK stands.");

        return routes;
    }
}
