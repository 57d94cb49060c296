using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates;

/// <summary>What the public verification page shows: the certificate's verification and, when a token was given, what checking it found.</summary>
public sealed record VerificationPageModel(VerificationDto Verification, string? Token, bool TokenGiven, bool TokenSignatureValid, bool TokenMatchesRecord);

/// <summary>The verification page's data for a typed number and an optional token (<c>?t=</c> from the QR code).</summary>
public sealed record GetVerificationPage(string Number, string? Token) : IQuery<Result<VerificationPageModel>>;

public sealed class GetVerificationPageHandler(CertificateLookup lookup, ICertificateSigner signer, CertificationOptions options)
    : IQueryHandler<GetVerificationPage, Result<VerificationPageModel>>
{
    public async ValueTask<Result<VerificationPageModel>> Handle(GetVerificationPage query, CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync(query.Number, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var certificate = found.Value;
        var given = !string.IsNullOrEmpty(query.Token);
        var check = given ? signer.Verify(query.Token) : TokenCheck.Invalid;
        return new VerificationPageModel(Verification.Of(certificate, lookup.Today, options), certificate.SignedToken, given, check.SignatureValid,
            check.Matches(certificate));
    }
}

/// <summary>The certificate's signed token, for its QR code (the QR encodes the public verification URL with it).</summary>
public sealed record GetCertificateToken(string Number) : IQuery<Result<string?>>;

public sealed class GetCertificateTokenHandler(CertificateLookup lookup) : IQueryHandler<GetCertificateToken, Result<string?>>
{
    public async ValueTask<Result<string?>> Handle(GetCertificateToken query, CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync(query.Number, cancellationToken);
        return found.IsSuccess ? Result<string?>.Success(found.Value.SignedToken) : Result<string?>.Failure(found.Error!);
    }
}
