using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Certificates;

/// <summary>One active certificate per candidate per scheme.</summary>
public sealed class OneActiveCertificatePerSchemeRule(bool candidateHoldsActiveCertificateForScheme) : IBusinessRule
{
    public Error Error => Error.Conflict("certificate.already-held", "The candidate already holds an active certificate for this scheme.");

    public bool IsBroken() => candidateHoldsActiveCertificateForScheme;
}

/// <summary>Revoked certificates never come back.</summary>
public sealed class RevokedCertificateIsFinalRule(CertificateStatus status) : IBusinessRule
{
    public Error Error => Error.Conflict("certificate.revoked-final", "The certificate is revoked; revocation is final.");

    public bool IsBroken() => status == CertificateStatus.Revoked;
}
