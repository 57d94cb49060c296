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

/// <summary>A renewed (superseded) certificate never comes back either: its renewal replaced it.</summary>
public sealed class SupersededCertificateIsFinalRule(CertificateStatus status) : IBusinessRule
{
    public Error Error => Error.Conflict("certificate.superseded-final", "The certificate was renewed and is superseded by its successor; that is final.");

    public bool IsBroken() => status == CertificateStatus.Superseded;
}

/// <summary>Only an active certificate is renewed (a suspended one is reinstated first).</summary>
public sealed class OnlyActiveCertificateIsRenewedRule(CertificateStatus status) : IBusinessRule
{
    public Error Error => Error.Conflict("certificate.not-renewable", "Only an active certificate can be renewed.");

    public bool IsBroken() => status != CertificateStatus.Active;
}
