using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Candidates.CorrectCandidate;
using Peksos.Clean.Application.Candidates.GetCandidate;
using Peksos.Clean.Application.Candidates.ImportCandidates;
using Peksos.Clean.Application.Candidates.ListCandidates;
using Peksos.Clean.Application.Candidates.RecordPractice;
using Peksos.Clean.Application.Candidates.RecordTraining;
using Peksos.Clean.Application.Candidates.RegisterCandidate;
using Peksos.Clean.Application.Candidates.SearchCandidate;
using Peksos.Clean.Application.Common;

namespace Peksos.Clean.Api.Endpoints;

public sealed record PracticeRecordRequest(string? Organisation, string? Role, DateOnly? StartDate, DateOnly? EndDate, int? Hours, string? PmksCategory);

public sealed record TrainingRecordRequest(string? Title, string? Organiser, DateOnly? StartDate, DateOnly? EndDate, int? Hours, string? Kind);

public sealed record CandidateSearchRequest(string? Nik);

public sealed record CandidateCorrectionRequest(string? Nik, string? FullName, DateOnly? BirthDate, string? Sex, string? Email, string? Phone, EducationInput? Education,
    EmploymentInput? Employment, IReadOnlyList<string>? PracticeAreas, string? Reason);

public static class CandidateEndpoints
{
    public static IEndpointRouteBuilder MapCandidateEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/candidates").WithTags("Candidates").RequireAuthorization(Policies.Admin).CarriesPersonalData();

        group.MapPost("/", async Task<Results<Created<CandidateDto>, ProblemHttpResult>> (RegisterCandidate command, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreated(c => $"/api/v1/candidates/{c.Id}", http))
            .Idempotent<CandidateDto>(c => $"/api/v1/candidates/{c.Id}")
            .WithName("RegisterCandidate")
            .WithSummary("Registers a candidate (NIK validated; one candidate per NIK). The NIK is returned masked.");

        group.MapPost("/import", async Task<Results<Ok<ImportReportDto>, ProblemHttpResult>> (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                // A roster of 200,000 rows is ~35 MB; this endpoint allows more than the host's default body limit.
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = 100 * 1024 * 1024;
                }

                return (await sender.Send(new ImportCandidates(http.Request.Body), ct)).ToOk();
            })
            .WithMetadata(new AcceptsMetadata(["text/csv"], typeof(string)), new LargeBody(100 * 1024 * 1024))
            .WithName("ImportCandidates")
            .WithSummary("Imports a roster CSV (header " + "nik,fullName,birthDate,sex,email,phone,educationLevel,educationField,employmentType,organisation,regionCode,practiceAreas"
                + "; practiceAreas separated by |; , or ; separated). Rejected rows are reported by line; existing NIKs are skipped.");

        group.MapGet("/", async Task<Results<Ok<Page<CandidateSummaryDto>>, ProblemHttpResult>> (string? q, string? regionCode, string? employmentType, int? limit,
                string? cursor, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListCandidates(q, regionCode, employmentType, limit, cursor), ct)).ToOk())
            .WithName("ListCandidates")
            .WithSummary("Candidates in registration order; q matches the start of the name or of any word in it.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<CandidateDto>, ProblemHttpResult>> (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new GetCandidate(id), ct)).ToOk(http))
            .WithName("GetCandidate")
            .WithSummary("One candidate, with practice and training totals.");

        group.MapPatch("/{id:guid}", async Task<Results<Ok<CandidateDto>, ProblemHttpResult>> (Guid id, CandidateCorrectionRequest body, ISender sender, HttpContext http,
                CancellationToken ct) =>
                (await sender.Send(new CorrectCandidate(id, body.Nik, body.FullName, body.BirthDate, body.Sex, body.Email, body.Phone, body.Education, body.Employment,
                    body.PracticeAreas, body.Reason, http.IfMatch()), ct)).ToOk(http))
            .WithName("CorrectCandidate")
            .WithSummary("Corrects a candidate's data; what is sent replaces what is stored. A NIK correction needs a reason; every change is audited before and after.");

        group.MapPost("/search", async Task<Results<Ok<CandidateDto>, ProblemHttpResult>> (CandidateSearchRequest body, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new SearchCandidate(body.Nik), ct)).ToOk(http))
            .WithName("SearchCandidateByNik")
            .WithSummary("Finds a candidate by NIK, sent in the body so it never appears in a URL or an access log.");

        group.MapPost("/{id:guid}/practice-records", async Task<Results<Created<PracticeRecordDto>, ProblemHttpResult>> (Guid id, PracticeRecordRequest body,
                ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new RecordPractice(id, body.Organisation, body.Role, body.StartDate, body.EndDate, body.Hours, body.PmksCategory, http.IfMatch()), ct))
                    .ToCreated(r => $"/api/v1/candidates/{id}", http))
            .Idempotent<PracticeRecordDto>(r => $"/api/v1/candidates/{r.CandidateId}")
            .WithName("RecordPractice")
            .WithSummary("Adds a practice record; the candidate's practiceHours grow by its hours.");

        group.MapPost("/{id:guid}/training-records", async Task<Results<Created<TrainingRecordDto>, ProblemHttpResult>> (Guid id, TrainingRecordRequest body,
                ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new RecordTraining(id, body.Title, body.Organiser, body.StartDate, body.EndDate, body.Hours, body.Kind, http.IfMatch()), ct))
                    .ToCreated(r => $"/api/v1/candidates/{id}", http))
            .Idempotent<TrainingRecordDto>(r => $"/api/v1/candidates/{r.CandidateId}")
            .WithName("RecordTraining")
            .WithSummary("Adds a training record (bimtek, diklat, other); the candidate's trainingHours grow by its hours.");

        return routes;
    }
}
