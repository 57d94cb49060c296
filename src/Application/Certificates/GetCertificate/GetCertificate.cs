using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.GetCertificate;

/// <summary>A certificate as admins and consumers see it (the holder's NIK masked).</summary>
public sealed record GetCertificate(string Number) : IQuery<Result<CertificateDto>>;

public sealed class GetCertificateHandler(CertificateLookup lookup) : IQueryHandler<GetCertificate, Result<CertificateDto>>
{
    public async ValueTask<Result<CertificateDto>> Handle(GetCertificate query, CancellationToken cancellationToken) =>
        await lookup.ViewAsync(query.Number, cancellationToken);
}
