using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Certificates.VerifyCertificate;

/// <summary>Anyone checks one certificate number: valid or not, and why.</summary>
public sealed record VerifyCertificate(string Number) : IQuery<Result<VerificationDto>>;

public sealed class VerifyCertificateHandler(VerificationReader reader) : IQueryHandler<VerifyCertificate, Result<VerificationDto>>
{
    public async ValueTask<Result<VerificationDto>> Handle(VerifyCertificate query, CancellationToken cancellationToken) =>
        await reader.VerifyAsync(query.Number, cancellationToken);
}
