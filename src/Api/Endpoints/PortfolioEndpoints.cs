using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Portfolios;
using Peksos.Clean.Application.Portfolios.AcceptPortfolio;
using Peksos.Clean.Application.Portfolios.AddEvidence;
using Peksos.Clean.Application.Portfolios.ChangeSpecialisation;
using Peksos.Clean.Application.Portfolios.DeleteEvidenceFile;
using Peksos.Clean.Application.Portfolios.GetEvidenceFile;
using Peksos.Clean.Application.Portfolios.GetPortfolio;
using Peksos.Clean.Application.Portfolios.OpenPortfolio;
using Peksos.Clean.Application.Portfolios.RemoveEvidence;
using Peksos.Clean.Application.Portfolios.ReturnPortfolio;
using Peksos.Clean.Application.Portfolios.SubmitPortfolio;
using Peksos.Clean.Application.Portfolios.UploadEvidenceFile;
using Peksos.Clean.Application.Portfolios.WithdrawPortfolio;
using Peksos.Clean.Application.Portfolios.WriteEssay;

namespace Peksos.Clean.Api.Endpoints;

public sealed record EvidenceRequest(string? Kind, string? Title, string? Description, DateOnly? DocumentDate, string? PmksCategory,
    IReadOnlyList<string>? HelpingStages, string? ClientType);

public sealed record EssayRequest(string? Text);

public sealed record ReasonRequest(string? Reason);

public sealed record SpecialisationRequest(string? Specialisation);

public static class PortfolioEndpoints
{
    public static IEndpointRouteBuilder MapPortfolioEndpoints(this IEndpointRouteBuilder routes)
    {
        var reads = routes.MapGroup("/api/v1/portfolios").WithTags("Portfolios").CarriesPersonalData();
        reads.MapGet("/{id:guid}", async Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new GetPortfolio(id), ct)).ToOk(http))
            .RequireAuthorization(Policies.AdminOrAssessor)
            .WithName("GetPortfolio")
            .WithSummary("A portfolio with its evidence, essays and the live list of what submission still lacks; an assessor reads only their own participants'.");

        reads.MapGet("/{id:guid}/evidence/{evidenceId:guid}/files/{fileId:guid}", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (Guid id, Guid evidenceId,
                Guid fileId, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var found = await sender.Send(new GetEvidenceFile(id, evidenceId, fileId), ct);
                if (found.IsFailure)
                {
                    return ProblemResults.Problem(found.Error!);
                }

                var file = found.Value.File;
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Stream(found.Value.Content, file.ContentType, file.Name, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
            })
            .RequireAuthorization(Policies.AdminOrAssessor)
            .WithName("DownloadEvidenceFile")
            .WithSummary("Streams an evidence file (as an attachment; its digest checked first): admins, and the assessor of a participant holding the portfolio.");

        var group = routes.MapGroup("/api/v1/portfolios").WithTags("Portfolios").RequireAuthorization(Policies.Admin).CarriesPersonalData();

        group.MapPost("/", async Task<Results<Created<PortfolioDto>, ProblemHttpResult>> (OpenPortfolio command, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToCreated(p => $"/api/v1/portfolios/{p.Id}", http))
            .Idempotent<PortfolioDto>(p => $"/api/v1/portfolios/{p.Id}")
            .WithName("OpenPortfolio")
            .WithSummary("Opens a draft portfolio for a candidate and scheme; 'unmet' lists everything submission still lacks.");

        group.MapPost("/{id:guid}/evidence/{evidenceId:guid}/files", async Task<Results<Created<EvidenceFileDto>, ProblemHttpResult>> (Guid id, Guid evidenceId, string? name,
                HttpContext http, ISender sender, Domain.Portfolios.FileLimits limits, CancellationToken ct) =>
            {
                // The host's body limit is for JSON; a file may be larger, up to its own limit (checked while it streams). Any content type reaches
                // the handler (*/* above), which names the three it takes in its own 415.
                if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = limits.MaxFileBytes + 1;
                }

                var command = new UploadEvidenceFile(id, evidenceId, name, http.Request.ContentType, http.Request.ContentLength, http.Request.Body, http.IfMatch());
                return (await sender.Send(command, ct)).ToCreated(f => $"/api/v1/portfolios/{id}/evidence/{evidenceId}/files/{f.Id}", http);
            })
            .WithMetadata(new Microsoft.AspNetCore.Http.Metadata.AcceptsMetadata(["application/pdf", "image/jpeg", "image/png", "*/*"], typeof(Stream)), new LargeBody(long.MaxValue))
            .WithName("UploadEvidenceFile")
            .WithSummary("Attaches a scan (PDF, JPEG or PNG, recognised by its bytes; the raw file as the body, ?name= its file name) to an evidence item of an editable portfolio.");

        group.MapDelete("/{id:guid}/evidence/{evidenceId:guid}/files/{fileId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Guid evidenceId, Guid fileId,
                ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new DeleteEvidenceFile(id, evidenceId, fileId, http.IfMatch()), ct)).ToNoContent())
            .WithName("DeleteEvidenceFile")
            .WithSummary("Removes a file from an evidence item; only while the portfolio is draft or returned.");

        group.MapPost("/{id:guid}/evidence", async Task<Results<Created<EvidenceDto>, ProblemHttpResult>> (Guid id, EvidenceRequest body, ISender sender,
                HttpContext http, CancellationToken ct) =>
            {
                var added = await sender.Send(new AddEvidence(id, body.Kind, body.Title, body.Description, body.DocumentDate, body.PmksCategory,
                    body.HelpingStages, body.ClientType, http.IfMatch()), ct);
                if (added.IsSuccess)
                {
                    http.Response.Headers.ETag = $"\"{added.Value.Portfolio.Version}\"";
                }

                return added.Map(a => a.Evidence).ToCreated(e => $"/api/v1/portfolios/{id}");
            })
            .WithName("AddEvidence")
            .WithSummary("Adds an evidence item (case records need pmksCategory, helpingStages and clientType). Only in draft or returned.");

        group.MapDelete("/{id:guid}/evidence/{evidenceId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, Guid evidenceId, ISender sender,
                HttpContext http, CancellationToken ct) =>
            {
                var removed = await sender.Send(new RemoveEvidence(id, evidenceId, http.IfMatch()), ct);
                if (removed.IsSuccess)
                {
                    http.Response.Headers.ETag = $"\"{removed.Value.Version}\"";
                }

                return removed.IsSuccess ? TypedResults.NoContent() : ProblemResults.Problem(removed.Error!);
            })
            .WithName("RemoveEvidence")
            .WithSummary("Removes an evidence item; only while the portfolio is draft or returned.");

        group.MapPut("/{id:guid}/essays/{code}", async Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> (Guid id, string code, EssayRequest body, ISender sender,
                HttpContext http, CancellationToken ct) =>
                (await sender.Send(new WriteEssay(id, code, body.Text, http.IfMatch()), ct)).ToOk(http))
            .WithName("WriteEssay")
            .WithSummary("Writes or rewrites a self-description essay (K1…K5, S1…S6, V1…V3 as the scheme defines).");

        group.MapPost("/{id:guid}/submit", async Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new SubmitPortfolio(id, http.IfMatch()), ct)).ToOk(http))
            .WithName("SubmitPortfolio")
            .WithSummary("Submits; 422 portfolio.requirements-unmet lists every unmet requirement, eligibility included.");

        group.MapPost("/{id:guid}/accept", async Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new AcceptPortfolio(id, http.IfMatch()), ct)).ToOk(http))
            .WithName("AcceptPortfolio")
            .WithSummary("The secretariat accepts a submitted portfolio; it may then be enrolled in an exam.");

        group.MapPost("/{id:guid}/return", async Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> (Guid id, ReasonRequest body, ISender sender, HttpContext http,
                CancellationToken ct) =>
                (await sender.Send(new ReturnPortfolio(id, body.Reason, http.IfMatch()), ct)).ToOk(http))
            .WithName("ReturnPortfolio")
            .WithSummary("The secretariat returns a submitted portfolio with a reason; the candidate edits and submits again.");

        group.MapPost("/{id:guid}/withdraw", async Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> (Guid id, ReasonRequest body, ISender sender, HttpContext http,
                CancellationToken ct) =>
                (await sender.Send(new WithdrawPortfolio(id, body.Reason, http.IfMatch()), ct)).ToOk(http))
            .WithName("WithdrawPortfolio")
            .WithSummary("The candidate withdraws an open portfolio for good, with a reason; 409 portfolio.in-exam while it sits in an undecided exam.");

        group.MapPatch("/{id:guid}", async Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> (Guid id, SpecialisationRequest body, ISender sender, HttpContext http,
                CancellationToken ct) =>
                (await sender.Send(new ChangeSpecialisation(id, body.Specialisation, http.IfMatch()), ct)).ToOk(http))
            .WithName("ChangeSpecialisation")
            .WithSummary("Sets or changes the PMKS specialisation of a Spesialis portfolio while it is draft or returned.");

        return routes;
    }
}
