using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Domain.Certificates;

namespace Peksos.Clean.Infrastructure.Security;

/// <summary>
/// No signing keys are configured yet: certificates carry no <c>signedToken</c> (the field is null). The ES256 signer
/// with published keys replaces this registration.
/// </summary>
public sealed class UnsignedCertificates : ICertificateSigner
{
    public string? Sign(Certificate certificate, string schemeName) => null;
}
