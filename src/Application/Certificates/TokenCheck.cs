namespace Peksos.Clean.Application.Certificates;

/// <summary>What checking a signed token found: whether the signature is valid, and the claims it carries.</summary>
public sealed record TokenCheck(bool SignatureValid, string? KeyId, string? Number, string? HolderName, string? SchemeCode, DateOnly? IssuedOn, DateOnly? ValidUntil,
    int Revision = 1)
{
    public static TokenCheck Invalid { get; } = new(false, null, null, null, null, null, null);

    /// <summary>Whether a validly signed token is of this certificate but of an earlier revision (the document was replaced by a reissue).</summary>
    public bool IsSupersededBy(string number, int currentRevision) => SignatureValid && Number == number && Revision < currentRevision;

    /// <summary>Whether a validly signed token describes exactly the certificate of this row (a compact token names the scheme by the number's prefix).</summary>
    public bool Matches(CertificateRow certificate) =>
        SignatureValid && Number == certificate.Number && HolderName == certificate.HolderName && (SchemeCode is null || SchemeCode == certificate.SchemeCode)
        && IssuedOn == certificate.IssuedOn && ValidUntil == certificate.ValidUntil;
}
