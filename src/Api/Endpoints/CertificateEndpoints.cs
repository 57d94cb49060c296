using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Peksos.Clean.Api.Http;
using Peksos.Clean.Api.Security;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Certificates.ChangeCertificateStatus;
using Peksos.Clean.Application.Certificates.GetCertificate;
using Peksos.Clean.Application.Certificates.ListCertificates;
using Peksos.Clean.Application.Certificates.ListExpiringCertificates;
using Peksos.Clean.Application.Certificates.ReissueCertificate;
using Peksos.Clean.Application.Certificates.VerifyCertificate;
using Peksos.Clean.Application.Certificates.VerifyCertificates;
using Peksos.Clean.Application.Common;

namespace Peksos.Clean.Api.Endpoints;

public sealed record VerifyRequest(IReadOnlyList<string?>? Numbers);

public static class CertificateEndpoints
{
    public static IEndpointRouteBuilder MapCertificateEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/certificates").WithTags("Certificates");

        group.MapGet("/", async Task<Results<FastJson<Page<RegisterEntryDto>>, ProblemHttpResult>> (string? q, string? schemeCode, string? regionCode, string? status,
                int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListCertificates(q, schemeCode, regionCode, status, limit, cursor), ct)).ToFastOk())
            .AllowAnonymous()
            .WithName("ListCertificates")
            .WithSummary("The public register: number, holder name, scheme, province, dates and status; q is a holder-name prefix.");

        group.MapGet("/expiring", async Task<Results<FastJson<Page<RegisterEntryDto>>, ProblemHttpResult>> (int? withinDays, int? limit, string? cursor, ISender sender,
                CancellationToken ct) =>
                (await sender.Send(new ListExpiringCertificates(withinDays, limit, cursor), ct)).ToFastOk())
            .RequireAuthorization(Policies.AdminOrConsumer)
            .WithName("ListExpiringCertificates")
            .WithSummary("Active certificates whose validity ends within withinDays (default 90), soonest first.");

        group.MapGet("/{number}", async Task<Results<FastJson<CertificateDto>, ProblemHttpResult>> (string number, ISender sender, HttpContext http, CancellationToken ct) =>
                (await sender.Send(new GetCertificate(number), ct)).ToFastOk(http))
            .RequireAuthorization(Policies.AdminOrConsumer)
            .CarriesPersonalData()
            .WithName("GetCertificate")
            .WithSummary("A certificate with its holder (NIK masked), scheme, dates, derived status and history. 400 when the check digits fail.");

        foreach (var action in new[] { ChangeCertificateStatus.Suspend, ChangeCertificateStatus.Reinstate, ChangeCertificateStatus.Revoke })
        {
            group.MapPost($"/{{number}}/{action}", async Task<Results<FastJson<CertificateDto>, ProblemHttpResult>> (string number, ReasonRequest body, ISender sender,
                    HttpContext http, CancellationToken ct) =>
                    (await sender.Send(new ChangeCertificateStatus(number, action, body.Reason, http.IfMatch()), ct)).ToFastOk(http))
                .RequireAuthorization(Policies.Admin)
                .CarriesPersonalData()
                .WithName($"{char.ToUpperInvariant(action[0])}{action[1..]}Certificate")
                .WithSummary(action == ChangeCertificateStatus.Revoke ? "Revokes the certificate; revocation is final." : $"{char.ToUpperInvariant(action[0])}{action[1..]}s the certificate, with a reason.");
        }

        group.MapPost("/{number}/reissue", async Task<Results<FastJson<CertificateDto>, ProblemHttpResult>> (string number, ReasonRequest body, ISender sender,
                HttpContext http, CancellationToken ct) =>
                (await sender.Send(new ReissueCertificate(number, body.Reason, http.IfMatch()), ct)).ToFastOk(http))
            .RequireAuthorization(Policies.Admin)
            .CarriesPersonalData()
            .WithName("ReissueCertificate")
            .WithSummary("Reissues the certificate under the holder's current name: same number, the next revision, a new signed token (older ones verify as superseded).");

        var verify = routes.MapGroup("/api/v1/verify").WithTags("Verification").AllowAnonymous();

        verify.MapGet("/{number}", async Task<Results<FastJson<VerificationDto>, ProblemHttpResult>> (string number, ISender sender, CancellationToken ct) =>
                (await sender.Send(new VerifyCertificate(number), ct)).ToFastOk())
            .WithName("VerifyCertificate")
            .WithSummary("Anyone: is this certificate valid? 400 certificate.number-invalid when mistyped, 404 when unknown.");

        verify.MapPost("/", async Task<Results<FastJson<IReadOnlyList<BulkVerificationDto>>, ProblemHttpResult>> (VerifyRequest body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new VerifyCertificates(body.Numbers), ct)).ToFastOk())
            .WithName("VerifyCertificates")
            .WithSummary("Verifies up to 100 numbers; one result per number, in order.");

        return routes;
    }
}
