using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Certificates;

public sealed record HolderDto(Guid CandidateId, string FullName, string NikMasked);

public sealed record SchemeRefDto(string Code, string Name);

public sealed record StatusChangeDto(UtcTimestamp At, string Action, string From, string To, string Reason);

/// <summary>A certificate as admins and consumers see it (the NIK masked).</summary>
public sealed record CertificateDto(string Number, HolderDto Holder, SchemeRefDto Scheme, DateOnly IssuedOn, DateOnly ValidUntil, string Status, bool Valid,
    Guid ExamId, string? SignedToken, IReadOnlyList<StatusChangeDto> History, int Version) : IVersioned
{
    public static CertificateDto From(Certificate c, string nikMasked, DateOnly today, string? signedToken) => new(
        c.Number.Value,
        new HolderDto(c.CandidateId.Value, c.HolderName, nikMasked),
        new SchemeRefDto(c.SchemeCode, SchemeCatalog.Find(c.SchemeCode).Value.Name),
        c.IssuedOn,
        c.ValidUntil,
        c.StatusOn(today).Code,
        c.IsValidOn(today),
        c.ExamId.Value,
        signedToken,
        c.History.Select(h => new StatusChangeDto(h.At, h.Action, h.From.Code, h.To.Code, h.Reason)).ToList(),
        c.Version);
}

/// <summary>An entry of the public register: what anyone may see, nothing more.</summary>
public sealed record RegisterEntryDto(string Number, string HolderName, string SchemeName, string Province, DateOnly IssuedOn, DateOnly ValidUntil, string Status);

/// <summary>The answer to "is this certificate valid?".</summary>
public sealed record VerificationDto(string Number, bool Valid, string Status, string HolderName, string SchemeName, DateOnly IssuedOn, DateOnly ValidUntil, string Issuer);

/// <summary>One line of a bulk verification: the result, or why there is none (<c>certificate.number-invalid</c>, <c>certificate.not-found</c>).</summary>
public sealed record BulkVerificationDto(string Number, bool Found, bool Valid, string? Status, string? HolderName, string? SchemeName,
    DateOnly? IssuedOn, DateOnly? ValidUntil, string? Issuer, string? Error);

public sealed record CertificateFilter(string? Q, string? SchemeCode, string? RegionCode, string? Status);

/// <summary>A row the register and expiry lists read (status is the stored one; the handler derives expiry).</summary>
public sealed record CertificateRow(Guid Id, string Number, string HolderName, string SchemeCode, string RegionCode, DateOnly IssuedOn, DateOnly ValidUntil, string Status);

/// <summary>A certificate with the last four digits of its holder's NIK (for the masked NIK), read in one snapshot.</summary>
public sealed record CertificateWithHolder(Certificate Certificate, string? HolderNikLastFour);

public interface ICertificateQueries
{
    /// <summary>A certificate, its history and its holder's masked NIK digits, by number, in one statement; null when unknown.</summary>
    Task<CertificateWithHolder?> FindWithHolderAsync(CertificateNumber number, CancellationToken cancellationToken);

    /// <summary>The one row a verification needs, by number (the unique index), or null.</summary>
    Task<CertificateRow?> FindAsync(string number, CancellationToken cancellationToken);

    /// <summary>The public register ordered by holder name (case-insensitive) then id; name-prefix search on <c>q</c>.</summary>
    Task<IReadOnlyList<CertificateRow>> RegisterAsync(CertificateFilter filter, DateOnly today, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Certificates valid today whose validity ends within the window, soonest first.</summary>
    Task<IReadOnlyList<CertificateRow>> ExpiringAsync(DateOnly today, DateOnly until, PageRequest page, CancellationToken cancellationToken);
}

/// <summary>Options for certificates: the issuer named on them and on verification answers.</summary>
public sealed record CertificationOptions(string IssuerName)
{
    public static CertificationOptions Default { get; } = new("LSP Pekerja Sosial Indonesia");
}

/// <summary>What checking a signed token found: whether the signature is valid, and the claims it carries.</summary>
public sealed record TokenCheck(bool SignatureValid, string? KeyId, string? Number, string? HolderName, string? SchemeCode, DateOnly? IssuedOn, DateOnly? ValidUntil)
{
    public static TokenCheck Invalid { get; } = new(false, null, null, null, null, null, null);

    /// <summary>Whether a validly signed token describes exactly this certificate.</summary>
    public bool Matches(Certificate certificate) =>
        SignatureValid && Number == certificate.Number.Value && HolderName == certificate.HolderName && SchemeCode == certificate.SchemeCode
        && IssuedOn == certificate.IssuedOn && ValidUntil == certificate.ValidUntil;
}

/// <summary>Signs certificates at issuance (compact ES256 JWS) and checks tokens against the published keys.</summary>
public interface ICertificateSigner
{
    string Sign(Certificate certificate, string schemeName);

    TokenCheck Verify(string? token);
}
