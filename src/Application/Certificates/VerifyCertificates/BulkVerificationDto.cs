namespace Peksos.Clean.Application.Certificates.VerifyCertificates;

/// <summary>One line of a bulk verification: the result, or why there is none (<c>certificate.number-invalid</c>, <c>certificate.not-found</c>).</summary>
public sealed record BulkVerificationDto(string Number, bool Found, bool Valid, string? Status, string? HolderName, string? SchemeName,
    DateOnly? IssuedOn, DateOnly? ValidUntil, string? Issuer, string? Error)
{
    public static BulkVerificationDto Of(VerificationDto v) =>
        new(v.Number, true, v.Valid, v.Status, v.HolderName, v.SchemeName, v.IssuedOn, v.ValidUntil, v.Issuer, null);

    public static BulkVerificationDto NotVerified(string? number, string errorCode) =>
        new(number ?? string.Empty, false, false, null, null, null, null, null, null, errorCode);
}
