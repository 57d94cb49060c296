using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates;

/// <summary>Loads a certificate by a typed number: a mistyped number fails its check digits before any lookup.</summary>
public sealed class CertificateLookup(ICertificateRepository certificates, ICertificateQueries queries, ICandidateQueries candidates, ISchemeCatalog schemes, TimeProvider clock)
{
    public async Task<Result<Certificate>> FindAsync(string? number, CancellationToken cancellationToken)
    {
        var parsed = CertificateNumber.Parse(number);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        return await certificates.GetAsync(parsed.Value, cancellationToken) is { } certificate ? certificate : CertificateErrors.NotFound;
    }

    /// <summary>The certificate to change, by a typed number: 400 for a mistyped one, 404 when unknown, 412 when <paramref name="expectedVersion"/> is stale.</summary>
    public async Task<Result<Certificate>> LoadForChangeAsync(string? number, ExpectedVersions? expectedVersion, CancellationToken cancellationToken)
    {
        var found = await FindAsync(number, cancellationToken);
        return found.IsSuccess && Versioning.Check(expectedVersion, found.Value) is { IsFailure: true } stale ? stale.Error! : found;
    }

    /// <summary>The certificate as admins and consumers see it, by a typed number (the read path: one statement).</summary>
    public async Task<Result<CertificateDto>> ViewAsync(string? number, CancellationToken cancellationToken)
    {
        var parsed = CertificateNumber.Parse(number);
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        return await queries.FindWithHolderAsync(parsed.Value, cancellationToken) is { } found
            ? View(found.Certificate, found.HolderNikLastFour)
            : CertificateErrors.NotFound;
    }

    /// <summary>The certificate as admins and consumers see it, after a change to it.</summary>
    public async Task<CertificateDto> ViewAsync(Certificate certificate, CancellationToken cancellationToken) =>
        View(certificate, await candidates.NikLastFourAsync(certificate.CandidateId.Value, cancellationToken));

    private CertificateDto View(Certificate certificate, string? nikLastFour) =>
        CertificateDto.From(certificate, Nik.MaskedFrom(nikLastFour), clock.Today(), schemes.NameOf(certificate.SchemeCode, clock.GetUtcNow()));
}
