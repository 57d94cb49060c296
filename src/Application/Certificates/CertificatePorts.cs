using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Certificates;

public interface ICertificateRepository
{
    Task<Certificate?> GetAsync(CertificateNumber number, CancellationToken cancellationToken);

    /// <summary>The schemes the candidate holds an unexpired certificate of on <paramref name="today"/>: valid (active) ones, and held ones (active or suspended).</summary>
    Task<(IReadOnlyList<string> Valid, IReadOnlyList<string> Held)> SchemeHoldingsAsync(CandidateId candidateId, DateOnly today, CancellationToken cancellationToken);

    /// <summary>Whether the candidate holds an active or suspended, unexpired certificate of the scheme.</summary>
    Task<bool> HoldsCertificateAsync(CandidateId candidateId, string schemeCode, DateOnly today, CancellationToken cancellationToken);

    /// <summary>The candidate's active certificate of the scheme that a renewal would renew (the latest), or null.</summary>
    Task<RenewedCertificate?> RenewableAsync(CandidateId candidateId, string schemeCode, CancellationToken cancellationToken);

    /// <summary>The certificate a renewal portfolio renews, as it stands now.</summary>
    Task<RenewedCertificate?> RenewedAsync(CertificateNumber number, CancellationToken cancellationToken);

    /// <summary>A random free place in the current status list for a new certificate (list, index).</summary>
    Task<(int ListId, int Index)> DrawStatusListEntryAsync(CancellationToken cancellationToken);

    /// <summary>Whether a status list exists (some certificate has a place in it).</summary>
    Task<bool> StatusListExistsAsync(int listId, CancellationToken cancellationToken);

    /// <summary>The indexes of a list whose bit is set for <paramref name="purpose"/>: revoked or superseded (revocation), suspended (suspension).</summary>
    Task<IReadOnlyList<int>> StatusListBitsAsync(int listId, string purpose, CancellationToken cancellationToken);

    /// <summary>The next serial for a prefix and year, allocated inside the command's transaction (no repeats, no gaps).</summary>
    Task<int> NextSerialAsync(string prefix, int year, CancellationToken cancellationToken);

    Task<Result> AddAsync(Certificate certificate, string regionCode, CancellationToken cancellationToken);

    Task<Result> UpdateAsync(Certificate certificate, CancellationToken cancellationToken);
}

public sealed record CertificateFilter(string? Q, string? SchemeCode, string? RegionCode, CertificateStatus? Status);

/// <summary>A row the register, expiry and verification reads return; <see cref="Status"/> is the stored one.</summary>
public sealed record CertificateRow(Guid Id, string Number, string HolderName, string SchemeCode, string RegionCode, DateOnly IssuedOn, DateOnly ValidUntil,
    CertificateStatus Status, int Revision = 1, string? SupersededBy = null)
{
    public CertificateStatus StatusOn(DateOnly today) => CertificateStatus.On(Status, ValidUntil, today);
}

/// <summary>A certificate with the last four digits of its holder's NIK (for the masked NIK), read in one snapshot.</summary>
public sealed record CertificateWithHolder(Certificate Certificate, string? HolderNikLastFour);

public interface ICertificateQueries
{
    /// <summary>A certificate, its history and its holder's masked NIK digits, by number, in one statement; null when unknown.</summary>
    Task<CertificateWithHolder?> FindWithHolderAsync(CertificateNumber number, CancellationToken cancellationToken);

    /// <summary>The one row a verification needs, by number (the unique index), or null.</summary>
    Task<CertificateRow?> FindAsync(string number, CancellationToken cancellationToken);

    /// <summary>The verification rows of the certificates among <paramref name="numbers"/> that exist, in one statement.</summary>
    Task<IReadOnlyList<CertificateRow>> FindManyAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken);

    /// <summary>The public register ordered by holder name (case-insensitive) then id; <c>q</c> matches the start of any word of the name.</summary>
    Task<IReadOnlyList<CertificateRow>> RegisterAsync(CertificateFilter filter, DateOnly today, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Certificates valid today whose validity ends within the window, soonest first.</summary>
    Task<IReadOnlyList<CertificateRow>> ExpiringAsync(DateOnly today, DateOnly until, PageRequest page, CancellationToken cancellationToken);
}

/// <summary>Signs certificates at issuance (compact ES256 JWS) and checks tokens against the published keys.</summary>
public interface ICertificateSigner
{
    string Sign(Certificate certificate);

    /// <summary>A JWS (ES256, a key of the published set) over <paramref name="payload"/> with the header's <c>typ</c>, e.g. <c>vc+jwt</c>.</summary>
    string SignJson(System.Text.Json.Nodes.JsonObject payload, string type);

    TokenCheck Verify(string? token);
}

/// <summary>What the printable certificate shows.</summary>
public sealed record CertificateDocumentModel(string Number, string HolderName, string SchemeName, string SchemeLevel, DateOnly IssuedOn, DateOnly ValidUntil,
    string DecreeNumber, string Issuer, string VerificationUrl);

/// <summary>Renders and signs the certificate's PDF; the signing is behind this port so a national e-signature service (BSrE) can replace it.</summary>
public interface ICertificateDocument
{
    Task<byte[]> RenderAsync(CertificateDocumentModel model, CancellationToken cancellationToken);
}

/// <summary>A valid certificate whose validity ends soon.</summary>
public sealed record ExpiringCertificate(CertificateId Id, CertificateNumber Number, DateOnly ValidUntil);

/// <summary>The reminders raised before certificates expire, each once (<c>certificate.expiring</c>).</summary>
public interface IExpiryReminders
{
    /// <summary>Active certificates whose validity ends between <paramref name="from"/> and <paramref name="to"/> (both included) with no reminder at <paramref name="daysBefore"/>.</summary>
    Task<IReadOnlyList<ExpiringCertificate>> DueAsync(DateOnly from, DateOnly to, int daysBefore, int take, CancellationToken cancellationToken);

    /// <summary>Records the reminder; false when it was already recorded.</summary>
    Task<bool> MarkAsync(CertificateId id, int daysBefore, DateTimeOffset at, CancellationToken cancellationToken);
}

public static class CertificateRepositoryExtensions
{
    /// <summary>Gives the certificate a random free place in the current status list (at issue, or at its first credential if issued before the lists).</summary>
    public static async Task DrawStatusListPlaceAsync(this ICertificateRepository certificates, Certificate certificate, CancellationToken cancellationToken)
    {
        var (list, index) = await certificates.DrawStatusListEntryAsync(cancellationToken);
        certificate.AssignStatusList(new StatusListEntry(list, index));
    }
}
