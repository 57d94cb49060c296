using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Certificates;

public readonly record struct CertificateId(Guid Value)
{
    public static CertificateId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>One change of a certificate's status, with who asked and why.</summary>
public sealed record CertificateStatusChange(DateTimeOffset At, string Action, CertificateStatus From, CertificateStatus To, string Reason);

/// <summary>
/// A competency certificate: issued only from a K result (a plenary decision or an upheld appeal), valid for the
/// scheme's validity years, suspendable and reinstatable, and revocable for good.
/// </summary>
public sealed class Certificate : AggregateRoot
{
    private readonly List<CertificateStatusChange> _history = [];

    private Certificate(CertificateId id, CertificateNumber number, CandidateId candidateId, string holderName, string schemeCode,
        ExamId examId, Guid participantId, DateOnly issuedOn, DateOnly validUntil, CertificateStatus status)
    {
        Id = id;
        Number = number;
        CandidateId = candidateId;
        HolderName = holderName;
        SchemeCode = schemeCode;
        ExamId = examId;
        ParticipantId = participantId;
        IssuedOn = issuedOn;
        ValidUntil = validUntil;
        Status = status;
    }

    public CertificateId Id { get; }

    public CertificateNumber Number { get; }

    public CandidateId CandidateId { get; }

    /// <summary>The holder's name as on the certificate (titles included).</summary>
    public string HolderName { get; private set; }

    /// <summary>1 at issue; each reissue (a corrected name) counts it up, and only the latest revision's token is current.</summary>
    public int Revision { get; private set; } = 1;

    /// <summary>Whether the name or revision changed since the certificate was loaded (its search words and token are then rewritten).</summary>
    public bool HasReissue { get; private set; }

    public string SchemeCode { get; }

    public ExamId ExamId { get; }

    public Guid ParticipantId { get; }

    public DateOnly IssuedOn { get; }

    /// <summary>The last day the certificate is valid.</summary>
    public DateOnly ValidUntil { get; }

    /// <summary>The stored status (never <c>expired</c>).</summary>
    public CertificateStatus Status { get; private set; }

    /// <summary>The certificate this one renewed (a renewal's K), if any.</summary>
    public CertificateNumber? Supersedes { get; private init; }

    /// <summary>The renewal that replaced this certificate, once <see cref="CertificateStatus.Superseded"/>.</summary>
    public CertificateNumber? SupersededBy { get; private set; }

    /// <summary>Its place in the status lists of its wallet credential (drawn at random at issue; null for certificates issued before them).</summary>
    public StatusListEntry? StatusList { get; private set; }

    /// <summary>Whether the status-list place was drawn since the certificate was loaded.</summary>
    public bool HasNewStatusListEntry { get; private set; }

    /// <summary>Gives the certificate its place in the status lists, once.</summary>
    public void AssignStatusList(StatusListEntry entry)
    {
        Guard.Against.Null(entry);
        if (StatusList is not null)
        {
            throw new InvalidOperationException("The certificate already has its place in the status lists.");
        }

        StatusList = entry;
        HasNewStatusListEntry = true;
    }

    /// <summary>Which status list bits a certificate's status sets: revocation for revoked and superseded (final), suspension for suspended.</summary>
    public static bool SetsBit(CertificateStatus stored, string purpose) => purpose switch
    {
        StatusListEntry.Revocation => stored.IsFinal,
        StatusListEntry.Suspension => stored == CertificateStatus.Suspended,
        _ => false,
    };

    public IReadOnlyList<CertificateStatusChange> History => _history;

    /// <summary>The compact signed token (JWS) issued with the certificate, for offline verification.</summary>
    public string? SignedToken { get; private set; }

    /// <summary>Attaches the token signed at issuance or reissue; each revision is signed once.</summary>
    public void AttachSignedToken(string token)
    {
        Guard.Against.NullOrWhiteSpace(token);
        if (SignedToken is not null && !HasReissue)
        {
            throw new InvalidOperationException("The certificate is already signed.");
        }

        SignedToken = token;
    }

    /// <summary>
    /// Reissues the certificate under the holder's current name: same number, the next revision, a new token to attach.
    /// A revoked certificate is never reissued.
    /// </summary>
    public Result Reissue(string holderName, Narrative reason, TimeProvider clock)
    {
        Guard.Against.NullOrWhiteSpace(holderName);
        Guard.Against.Null(reason);
        if (FirstBroken(new RevokedCertificateIsFinalRule(Status), new SupersededCertificateIsFinalRule(Status)) is { } final)
        {
            return final;
        }

        var now = clock.GetUtcNow();
        HolderName = holderName;
        Revision++;
        HasReissue = true;
        SignedToken = null;
        _history.Add(new CertificateStatusChange(now, "reissued", Status, Status, reason.Value));
        Raise(new CertificateReissued(Id, Number, Revision, reason.Value, now));
        return Result.Success();
    }

    /// <summary>Used by persistence once a reissue is written.</summary>
    internal void ReissueSaved() => HasReissue = false;

    /// <summary>
    /// Issues the certificate for a K result. <paramref name="candidateHoldsActiveCertificateForScheme"/> enforces one
    /// active certificate per candidate per scheme; a renewal's K names the certificate it <paramref name="supersedes"/>
    /// (superseded first, so it no longer counts).
    /// </summary>
    public static Result<Certificate> Issue(CompetentResult result, CertificationScheme scheme, CertificateNumber number, string holderName,
        bool candidateHoldsActiveCertificateForScheme, TimeProvider clock, CertificateNumber? supersedes = null)
    {
        Guard.Against.Null(result);
        Guard.Against.Null(scheme);
        Guard.Against.Null(number);
        Guard.Against.NullOrWhiteSpace(holderName);
        if (result.SchemeCode != scheme.Code || result.SchemeVersion != scheme.Version || number.Prefix != scheme.CertificatePrefix)
        {
            throw new ArgumentException("The result, scheme and number must belong together.");
        }

        var check = Check(new OneActiveCertificatePerSchemeRule(candidateHoldsActiveCertificateForScheme));
        if (check.IsFailure)
        {
            return check.Error!;
        }

        var now = clock.GetUtcNow();
        var issuedOn = clock.Today();
        var certificate = new Certificate(CertificateId.New(), number, result.CandidateId, holderName, scheme.Code, result.ExamId, result.ParticipantId,
            issuedOn, issuedOn.AddYears(scheme.ValidityYears).AddDays(-1), CertificateStatus.Active)
        {
            Supersedes = supersedes,
        };
        certificate._history.Add(new CertificateStatusChange(now, "issued", CertificateStatus.Active, CertificateStatus.Active, result.Source));
        certificate.Raise(new CertificateIssued(certificate.Id, number, result.CandidateId, scheme.Code, result.ExamId, now));
        return certificate;
    }

    /// <summary>
    /// The key the public register sorts by: the holder's name upper-cased (culture-invariant). Stored
    /// with the certificate and used for the register's order and keyset cursors alike, so it is defined once, here.
    /// </summary>
    public static string RegisterKey(string holderName) => holderName.ToUpperInvariant();

    /// <summary>The status a person should see on <paramref name="today"/>: revoked beats everything; past validity is expired.</summary>
    public CertificateStatus StatusOn(DateOnly today) => CertificateStatus.On(Status, ValidUntil, today);

    /// <summary>Valid only when active and not expired.</summary>
    public bool IsValidOn(DateOnly today) => StatusOn(today).IsValid;

    /// <summary>The reason a status change needs (2,000 characters at most).</summary>
    public static Result<Narrative> ParseReason(string? reason) => Narrative.Parse(reason, 2_000, "certificate.reason-required");

    public Result Suspend(Narrative reason, TimeProvider clock) =>
        Change("suspended", CertificateStatus.Suspended, reason, clock, from => from == CertificateStatus.Active,
            "Only an active certificate can be suspended.");

    public Result Reinstate(Narrative reason, TimeProvider clock) =>
        Change("reinstated", CertificateStatus.Active, reason, clock, from => from == CertificateStatus.Suspended,
            "Only a suspended certificate can be reinstated.");

    public Result Revoke(Narrative reason, TimeProvider clock) =>
        Change("revoked", CertificateStatus.Revoked, reason, clock, from => from != CertificateStatus.Revoked,
            "The certificate is already revoked.");

    /// <summary>
    /// Marks the certificate replaced by its renewal <paramref name="renewal"/> (final, never valid again). Only an
    /// active certificate is renewed: a suspended one is first reinstated.
    /// </summary>
    public Result Supersede(CertificateNumber renewal, TimeProvider clock)
    {
        Guard.Against.Null(renewal);
        if (FirstBroken(new RevokedCertificateIsFinalRule(Status), new SupersededCertificateIsFinalRule(Status), new OnlyActiveCertificateIsRenewedRule(Status)) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        _history.Add(new CertificateStatusChange(now, "superseded", Status, CertificateStatus.Superseded, $"renewed by {renewal}"));
        Status = CertificateStatus.Superseded;
        SupersededBy = renewal;
        Raise(new CertificateSuperseded(Id, Number, renewal, now));
        return Result.Success();
    }

    private Result Change(string action, CertificateStatus to, Narrative reason, TimeProvider clock, Func<CertificateStatus, bool> allowedFrom, string refusal)
    {
        if (FirstBroken(new RevokedCertificateIsFinalRule(Status), new SupersededCertificateIsFinalRule(Status)) is { } final)
        {
            return final;
        }

        if (!allowedFrom(Status))
        {
            return Error.Conflict("certificate.invalid-status", refusal);
        }

        Guard.Against.Null(reason);
        var now = clock.GetUtcNow();
        var from = Status;
        Status = to;
        _history.Add(new CertificateStatusChange(now, action, from, to, reason.Value));
        Raise(action switch
        {
            "suspended" => new CertificateSuspended(Id, Number, reason.Value, now),
            "reinstated" => new CertificateReinstated(Id, Number, reason.Value, now),
            _ => (IDomainEvent)new CertificateRevoked(Id, Number, reason.Value, now),
        });
        return Result.Success();
    }

    internal static Certificate Rehydrate(CertificateId id, CertificateNumber number, CandidateId candidateId, string holderName, string schemeCode,
        ExamId examId, Guid participantId, DateOnly issuedOn, DateOnly validUntil, CertificateStatus status, int version, IEnumerable<CertificateStatusChange> history,
        string? signedToken, int revision = 1, CertificateNumber? supersedes = null, CertificateNumber? supersededBy = null, StatusListEntry? statusList = null)
    {
        var certificate = new Certificate(id, number, candidateId, holderName, schemeCode, examId, participantId, issuedOn, validUntil, status)
        {
            SignedToken = signedToken,
            Revision = revision,
            Supersedes = supersedes,
            SupersededBy = supersededBy,
            StatusList = statusList,
        };
        certificate._history.AddRange(history);
        certificate.SetVersion(version);
        return certificate;
    }
}

/// <summary>A place in the W3C Bitstring Status Lists: the list and the bit index, the same in the revocation and the suspension list.</summary>
public sealed record StatusListEntry(int ListId, int Index)
{
    public const string Revocation = "revocation";
    public const string Suspension = "suspension";

    /// <summary>Bits per list (the specification's minimum, so no list tells much about how many certificates exist).</summary>
    public const int Size = 131_072;

    public static IReadOnlyList<string> Purposes { get; } = [Revocation, Suspension];
}

public sealed record CertificateSuperseded(CertificateId CertificateId, CertificateNumber Number, CertificateNumber SupersededBy, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record CertificateReissued(CertificateId CertificateId, CertificateNumber Number, int Revision, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;
