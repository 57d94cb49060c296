using Mediator;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.ReissueCertificate;

/// <summary>
/// Reissues a certificate under the holder's current (corrected) name: same number, the next revision, a new signed
/// token; a document carrying an earlier revision's token then verifies as superseded.
/// </summary>
public sealed record ReissueCertificate(string Number, string? Reason, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<CertificateDto>>;

public sealed class ReissueCertificateHandler(CertificateLookup lookup, ICertificateRepository certificates, ICandidateRepository candidates,
    ICertificateSigner signer, TimeProvider clock) : ICommandHandler<ReissueCertificate, Result<CertificateDto>>
{
    public async ValueTask<Result<CertificateDto>> Handle(ReissueCertificate command, CancellationToken cancellationToken)
    {
        var reason = Certificate.ParseReason(command.Reason);
        if (reason.IsFailure)
        {
            return reason.Error!.AtField("reason");
        }

        var found = await lookup.LoadForChangeAsync(command.Number, command.ExpectedVersion, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var certificate = found.Value;

        var holder = await candidates.GetAsync(certificate.CandidateId, cancellationToken) ?? throw new InvalidOperationException("A certificate's holder is missing.");
        if (certificate.Reissue(holder.Profile.FullName.Value, reason.Value, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        certificate.AttachSignedToken(signer.Sign(certificate));
        var saved = await certificates.UpdateAsync(certificate, cancellationToken);
        return saved.IsSuccess ? await lookup.ViewAsync(certificate, cancellationToken) : saved.Error!;
    }
}
