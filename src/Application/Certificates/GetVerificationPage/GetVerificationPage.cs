using Mediator;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.GetVerificationPage;

/// <summary>The verification page's data for a typed number and an optional token (<c>?t=</c> from the QR code).</summary>
public sealed record GetVerificationPage(string Number, string? Token) : IQuery<Result<VerificationPageModel>>;

public sealed class GetVerificationPageHandler(VerificationReader reader, ICertificateRepository certificates, ICertificateSigner signer)
    : IQueryHandler<GetVerificationPage, Result<VerificationPageModel>>
{
    public async ValueTask<Result<VerificationPageModel>> Handle(GetVerificationPage query, CancellationToken cancellationToken)
    {
        var found = await reader.FindAsync(query.Number, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var row = found.Value;
        var stored = await certificates.GetAsync(CertificateNumber.Parse(row.Number).Value, cancellationToken);
        var given = !string.IsNullOrEmpty(query.Token);
        var check = given ? signer.Verify(query.Token) : TokenCheck.Invalid;
        var superseded = stored is not null && check.IsSupersededBy(row.Number, stored.Revision) ? stored.Revision : (int?)null;
        return new VerificationPageModel(reader.Verification(row), stored?.SignedToken, given, check.SignatureValid, check.Matches(row) && superseded is null, superseded);
    }
}
