using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.GetCertificateToken;

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
