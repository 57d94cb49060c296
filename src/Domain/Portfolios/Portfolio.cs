using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Portfolios;

public readonly record struct PortfolioId(Guid Value)
{
    public static PortfolioId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// Where a portfolio is: <c>draft</c> → submit → <c>submitted</c> → <c>accepted</c> or <c>returned</c> (returned →
/// edit → submit again); an accepted portfolio is <c>closed</c> once its exam has decided on it.
/// </summary>
public sealed record PortfolioStatus : ICoded
{
    private PortfolioStatus(string code) => Code = code;

    public string Code { get; }

    public static readonly PortfolioStatus Draft = new("draft");
    public static readonly PortfolioStatus Submitted = new("submitted");
    public static readonly PortfolioStatus Accepted = new("accepted");
    public static readonly PortfolioStatus Returned = new("returned");
    public static readonly PortfolioStatus Closed = new("closed");
    public static readonly PortfolioStatus Withdrawn = new("withdrawn");

    public static IReadOnlyList<PortfolioStatus> All { get; } = [Draft, Submitted, Accepted, Returned, Closed, Withdrawn];

    /// <summary>Draft, submitted, returned or accepted: still on its way to an exam (closed and withdrawn are final).</summary>
    public bool IsOpen => this != Closed && this != Withdrawn;

    /// <summary>Evidence and essays can change only in draft or returned.</summary>
    public bool IsEditable => this == Draft || this == Returned;

    public static Result<PortfolioStatus> FromCode(string? code) => CodeList.Parse(All, code, "portfolio-status.invalid", "A portfolio status");

    public override string ToString() => Code;
}

/// <summary>One evidence item as parsed from a request (a case record names its category, stages and client).</summary>
public sealed record EvidenceDetails(
    EvidenceKind Kind,
    string Title,
    string? Description,
    DateOnly? DocumentDate,
    PmksCategory? PmksCategory,
    IReadOnlyList<HelpingStage> HelpingStages,
    ClientType? ClientType)
{
    public const int MaxDescriptionLength = 4_000;

    public const int MaxTitleLength = 200;
}

/// <summary>
/// A candidate's evidence for one scheme: documents, case records and self-description essays, and the lifecycle
/// the LSP secretariat drives. The live list of what submission still lacks is <see cref="Unmet"/>.
/// </summary>
public sealed partial class Portfolio : AggregateRoot
{
    public const int MaxEssayLength = 20_000;
    public const int MaxEvidenceItems = 200;

    private readonly List<Evidence> _evidence = [];
    private readonly List<Essay> _essays = [];

    private Portfolio(PortfolioId id, CandidateId candidateId, string schemeCode, PmksCategory? specialisation, PortfolioStatus status, DateTimeOffset createdAt)
    {
        Id = id;
        CandidateId = candidateId;
        SchemeCode = schemeCode;
        Specialisation = specialisation;
        Status = status;
        CreatedAt = createdAt;
    }

    public PortfolioId Id { get; }

    public CandidateId CandidateId { get; }

    public string SchemeCode { get; }

    public PmksCategory? Specialisation { get; private set; }

    public PortfolioPurpose Purpose { get; private init; } = PortfolioPurpose.Initial;

    /// <summary>The scheme version current when the portfolio was opened: every rule that judges it comes from that version.</summary>
    public int SchemeVersion { get; private init; } = 1;

    /// <summary>For a renewal, the certificate it renews.</summary>
    public Certificates.CertificateNumber? Renews { get; private init; }

    public PortfolioStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReturnReason { get; private set; }

    /// <summary>Why the candidate withdrew the portfolio (final).</summary>
    public string? WithdrawalReason { get; private set; }

    public IReadOnlyList<Evidence> Evidence => _evidence;

    /// <summary>Whether evidence or essays changed since the portfolio was loaded (a status change alone rewrites no child row).</summary>
    public bool HasContentChanges { get; private set; }

    public IReadOnlyList<Essay> Essays => _essays;

    public PortfolioContents Contents => new(_evidence, _essays, Specialisation, Purpose);

    /// <summary>
    /// Opens an initial portfolio for <paramref name="scheme"/>. A candidate has at most one open portfolio per scheme
    /// (a BK candidate may open a new one once the old one is closed); a holder comes back by renewal instead.
    /// </summary>
    public static Result<Portfolio> Open(Candidate candidate, CertificationScheme scheme, PmksCategory? specialisation, bool candidateHasOpenPortfolioForScheme,
        bool candidateHoldsCertificateOfScheme, TimeProvider clock) =>
        FirstBroken(new NotAlreadyCertifiedRule(candidateHoldsCertificateOfScheme), new OnePortfolioPerSchemeRule(candidateHasOpenPortfolioForScheme)) is { } refused
            ? refused
            : Create(candidate, scheme, specialisation, PortfolioPurpose.Initial, null, clock);

    /// <summary>
    /// Opens a renewal portfolio for the certificate <paramref name="renewing"/> (the candidate's active certificate of
    /// the scheme, null when there is none), inside the scheme's renewal window.
    /// </summary>
    public static Result<Portfolio> OpenRenewal(Candidate candidate, CertificationScheme scheme, PmksCategory? specialisation, bool candidateHasOpenPortfolioForScheme,
        RenewedCertificate? renewing, TimeProvider clock)
    {
        Guard.Against.Null(scheme);
        return FirstBroken(new RenewalWindowOpenRule(scheme.Renewal, renewing, clock.Today()), new OnePortfolioPerSchemeRule(candidateHasOpenPortfolioForScheme)) is { } refused
            ? refused
            : Create(candidate, scheme, specialisation, PortfolioPurpose.Renewal, renewing!.Number, clock);
    }

    private static Result<Portfolio> Create(Candidate candidate, CertificationScheme scheme, PmksCategory? specialisation, PortfolioPurpose purpose,
        Certificates.CertificateNumber? renews, TimeProvider clock)
    {
        Guard.Against.Null(candidate);
        Guard.Against.Null(scheme);
        if (specialisation is not null && !scheme.RequiresSpecialisation)
        {
            return Error.Validation("portfolio.specialisation-not-applicable", $"Scheme {scheme.Code} has no specialisation.");
        }

        var now = clock.GetUtcNow();
        var portfolio = new Portfolio(PortfolioId.New(), candidate.Id, scheme.Code, specialisation, PortfolioStatus.Draft, now) { Purpose = purpose, Renews = renews, SchemeVersion = scheme.Version };
        portfolio.Raise(new PortfolioOpened(portfolio.Id, candidate.Id, scheme.Code, now));
        return portfolio;
    }

    public Result<Evidence> AddEvidence(EvidenceDetails details, TimeProvider clock)
    {
        Guard.Against.Null(details);
        var editable = Check(new PortfolioMustBeEditableRule(Status));
        if (editable.IsFailure)
        {
            return editable.Error!;
        }

        if (_evidence.Count >= MaxEvidenceItems)
        {
            return Error.Rule("portfolio.evidence-limit", $"A portfolio holds at most {MaxEvidenceItems} evidence items.");
        }

        if (details.DocumentDate is { } date && date > clock.Today())
        {
            return Error.Validation("evidence.date-in-future", "A document cannot be dated in the future.");
        }

        var evidence = new Evidence(Guid.CreateVersion7(), details.Kind, details.Title, details.Description, details.DocumentDate,
            details.PmksCategory, details.HelpingStages, details.ClientType);
        _evidence.Add(evidence);
        HasContentChanges = true;
        Raise(new EvidenceAdded(Id, evidence.Id, evidence.Kind.Code, clock.GetUtcNow()));
        return evidence;
    }

    public Result RemoveEvidence(Guid evidenceId, TimeProvider clock)
    {
        var editable = Check(new PortfolioMustBeEditableRule(Status));
        if (editable.IsFailure)
        {
            return editable;
        }

        var removed = _evidence.RemoveAll(e => e.Id == evidenceId);
        HasContentChanges |= removed > 0;
        if (removed == 0)
        {
            return EvidenceNotFound;
        }

        Discard(FilesOf(evidenceId));
        Raise(new EvidenceRemoved(Id, evidenceId, clock.GetUtcNow()));
        return Result.Success();
    }

    /// <summary>Writes (or rewrites) one self-description essay of the scheme's set.</summary>
    public static Result<Narrative> ParseEssayText(string? text) => Narrative.Parse(text, MaxEssayLength, "essay.text-invalid");

    public static Result<Narrative> ParseWithdrawalReason(string? reason) => Narrative.Parse(reason, 2_000, "portfolio.withdrawal-reason-invalid");

    /// <summary>
    /// The candidate withdraws a portfolio that is still open, for good; never while it sits in an undecided exam
    /// (<paramref name="inUndecidedExam"/>: withdraw the participant from the exam first).
    /// </summary>
    public Result Withdraw(Narrative reason, bool inUndecidedExam, TimeProvider clock)
    {
        Guard.Against.Null(reason);
        if (FirstBroken(new PortfolioIsOpenRule(Status), new NotInUndecidedExamRule(inUndecidedExam)) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        Status = PortfolioStatus.Withdrawn;
        WithdrawalReason = reason.Value;
        Raise(new PortfolioWithdrawn(Id, CandidateId, SchemeCode, reason.Value, now));
        return Result.Success();
    }

    /// <summary>Sets or changes the specialisation of a Spesialis portfolio while it is editable.</summary>
    public Result ChangeSpecialisation(PmksCategory specialisation, CertificationScheme scheme, TimeProvider clock)
    {
        Guard.Against.Null(specialisation);
        Guard.Against.Null(scheme);
        if (Check(new PortfolioMustBeEditableRule(Status)) is { IsFailure: true } locked)
        {
            return locked;
        }

        if (!scheme.RequiresSpecialisation)
        {
            return Error.Validation("portfolio.specialisation-not-applicable", $"Scheme {scheme.Code} has no specialisation.");
        }

        var previous = Specialisation;
        Specialisation = specialisation;
        Raise(new SpecialisationChanged(Id, previous?.Code, specialisation.Code, clock.GetUtcNow()));
        return Result.Success();
    }

    public static Result<Narrative> ParseReturnReason(string? reason) => Narrative.Parse(reason, 2_000, "portfolio.return-reason-required");

    public Result<Essay> WriteEssay(CertificationScheme scheme, EssayCode code, Narrative text, TimeProvider clock)
    {
        Guard.Against.Null(scheme);
        var editable = Check(new PortfolioMustBeEditableRule(Status));
        if (editable.IsFailure)
        {
            return editable.Error!;
        }

        var codes = scheme.EssayCodesFor(Purpose);
        if (!codes.Contains(code))
        {
            return Error.Validation("essay.code-not-in-scheme", $"A {Purpose.Code} portfolio of scheme {scheme.Code} has essays {(codes.Count == 0 ? "none" : string.Join(", ", codes))}; not {code}.");
        }

        var essay = new Essay(code, text.Value);
        _essays.RemoveAll(e => e.Code == code);
        _essays.Add(essay);
        HasContentChanges = true;
        _essays.Sort((a, b) => a.Code.CompareTo(b.Code));
        Raise(new EssayWritten(Id, code.Value, essay.WordCount, clock.GetUtcNow()));
        return essay;
    }

    /// <summary>Every unmet eligibility rule and portfolio requirement, all at once (empty when submission would pass).</summary>
    public IReadOnlyList<Error> Unmet(CertificationScheme scheme, EligibilityContext eligibility)
    {
        Guard.Against.Null(scheme);
        return [.. scheme.UnmetEligibility(eligibility), .. scheme.UnmetRequirements(Contents)];
    }

    public Result Submit(CertificationScheme scheme, EligibilityContext eligibility, TimeProvider clock)
    {
        Guard.Against.Null(eligibility);
        var editable = Check(new PortfolioMustBeEditableRule(Status));
        if (editable.IsFailure)
        {
            return editable;
        }

        if (Unmet(scheme, eligibility) is { Count: > 0 } unmet)
        {
            return RequirementsUnmet($"The portfolio cannot be submitted: {unmet.Count} requirement(s) are unmet.", unmet);
        }

        var now = clock.GetUtcNow();
        Status = PortfolioStatus.Submitted;
        SubmittedAt = now;
        ReturnReason = null;
        Raise(new PortfolioSubmitted(Id, CandidateId, SchemeCode, now));
        return Result.Success();
    }

    /// <summary>Accepts a submitted portfolio after checking, again, everything its submission needed (eligibility may have changed since).</summary>
    public Result Accept(CertificationScheme scheme, EligibilityContext eligibility, TimeProvider clock)
    {
        var check = Check(new PortfolioMustBeSubmittedRule(Status));
        if (check.IsFailure)
        {
            return check;
        }

        if (Unmet(scheme, eligibility) is { Count: > 0 } unmet)
        {
            return RequirementsUnmet($"The portfolio cannot be accepted: {unmet.Count} requirement(s) are no longer met.", unmet);
        }

        var now = clock.GetUtcNow();
        Status = PortfolioStatus.Accepted;
        ReviewedAt = now;
        Raise(new PortfolioAccepted(Id, CandidateId, SchemeCode, now));
        return Result.Success();
    }

    public Result Return(Narrative reason, TimeProvider clock)
    {
        var check = Check(new PortfolioMustBeSubmittedRule(Status));
        if (check.IsFailure)
        {
            return check;
        }

        Guard.Against.Null(reason);
        var now = clock.GetUtcNow();
        Status = PortfolioStatus.Returned;
        ReviewedAt = now;
        ReturnReason = reason.Value;
        Raise(new PortfolioReturned(Id, CandidateId, SchemeCode, reason.Value, now));
        return Result.Success();
    }

    /// <summary>Called when the exam has decided on this portfolio: the candidate may then open a new one.</summary>
    public Result Close(TimeProvider clock)
    {
        if (Status != PortfolioStatus.Accepted)
        {
            return Error.Conflict("portfolio.not-accepted", "Only an accepted portfolio is closed by an exam decision.");
        }

        Status = PortfolioStatus.Closed;
        Raise(new PortfolioClosed(Id, CandidateId, SchemeCode, clock.GetUtcNow()));
        return Result.Success();
    }

    private static Error RequirementsUnmet(string message, IReadOnlyList<Error> unmet) =>
        new("portfolio.requirements-unmet", message, ErrorKind.Rule) { Details = unmet };

    /// <summary>Used by persistence once the child rows are written.</summary>
    internal void ContentSaved()
    {
        HasContentChanges = false;
        _discarded.Clear();
    }

    internal static Portfolio Rehydrate(
        PortfolioId id, CandidateId candidateId, string schemeCode, PmksCategory? specialisation, PortfolioStatus status,
        DateTimeOffset createdAt, DateTimeOffset? submittedAt, DateTimeOffset? reviewedAt, string? returnReason, int version,
        IEnumerable<Evidence> evidence, IEnumerable<Essay> essays, string? withdrawalReason = null, PortfolioPurpose? purpose = null,
        Certificates.CertificateNumber? renews = null, int schemeVersion = 1, IEnumerable<EvidenceFile>? files = null)
    {
        var portfolio = new Portfolio(id, candidateId, schemeCode, specialisation, status, createdAt)
        {
            SchemeVersion = schemeVersion,
            Purpose = purpose ?? PortfolioPurpose.Initial,
            Renews = renews,
            SubmittedAt = submittedAt,
            ReviewedAt = reviewedAt,
            ReturnReason = returnReason,
            WithdrawalReason = withdrawalReason,
        };
        portfolio._evidence.AddRange(evidence);
        portfolio._essays.AddRange(essays.OrderBy(e => e.Code));
        portfolio._files.AddRange(files ?? []);
        portfolio.SetVersion(version);
        return portfolio;
    }
}

/// <summary>A candidate has at most one open portfolio per scheme.</summary>
public sealed class OnePortfolioPerSchemeRule(bool candidateHasOpenPortfolioForScheme) : IBusinessRule
{
    public Error Error => Error.Conflict("portfolio.already-open", "The candidate already has an open portfolio for this scheme.");

    public bool IsBroken() => candidateHasOpenPortfolioForScheme;
}

/// <summary>A holder of a valid (or suspended) certificate of the scheme comes back by renewal, not by a new initial portfolio.</summary>
public sealed class NotAlreadyCertifiedRule(bool holdsCertificateOfScheme) : IBusinessRule
{
    public Error Error => Error.Conflict("portfolio.already-certified", "The candidate already holds a certificate of this scheme; renewal is the way back in.");

    public bool IsBroken() => holdsCertificateOfScheme;
}

/// <summary>A renewal needs an active certificate of the scheme and today inside its renewal window.</summary>
public sealed class RenewalWindowOpenRule(RenewalRules rules, RenewedCertificate? renewing, DateOnly today) : IBusinessRule
{
    public Error Error => renewing is null
        ? Error.Rule("portfolio.renewal-not-open", "The candidate holds no active certificate of this scheme to renew.")
        : Error.Rule("portfolio.renewal-not-open",
            $"Certificate {renewing.Number} can be renewed from {rules.OpensOn(renewing.ValidUntil):O} to {rules.ClosesOn(renewing.ValidUntil):O}.");

    public bool IsBroken() => renewing is null || !rules.IsOpenOn(renewing.ValidUntil, today);
}

/// <summary>Only an open portfolio (not closed by a decision, not withdrawn) is withdrawn.</summary>
public sealed class PortfolioIsOpenRule(PortfolioStatus status) : IBusinessRule
{
    public Error Error => Error.Conflict("portfolio.not-open", $"The portfolio is {status.Code}; that is final.");

    public bool IsBroken() => !status.IsOpen;
}

/// <summary>A portfolio sitting in an undecided exam leaves the exam first (absence or withdrawal of the participant).</summary>
public sealed class NotInUndecidedExamRule(bool inUndecidedExam) : IBusinessRule
{
    public Error Error => Error.Conflict("portfolio.in-exam", "The portfolio is a participant in an undecided exam; withdraw the participant from the exam first.");

    public bool IsBroken() => inUndecidedExam;
}

/// <summary>Evidence and essays change only while the portfolio is a draft or returned.</summary>
public sealed class PortfolioMustBeEditableRule(PortfolioStatus status) : IBusinessRule
{
    public Error Error => Error.Conflict("portfolio.locked", $"A {status.Code} portfolio cannot be changed; only draft or returned ones can.");

    public bool IsBroken() => !status.IsEditable;
}

/// <summary>Only a submitted portfolio is accepted or returned.</summary>
public sealed class PortfolioMustBeSubmittedRule(PortfolioStatus status) : IBusinessRule
{
    public Error Error => Error.Conflict("portfolio.not-submitted", $"The portfolio is {status.Code}; only a submitted portfolio can be accepted or returned.");

    public bool IsBroken() => status != PortfolioStatus.Submitted;
}

public sealed record PortfolioOpened(PortfolioId PortfolioId, CandidateId CandidateId, string SchemeCode, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PortfolioSubmitted(PortfolioId PortfolioId, CandidateId CandidateId, string SchemeCode, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PortfolioAccepted(PortfolioId PortfolioId, CandidateId CandidateId, string SchemeCode, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PortfolioReturned(PortfolioId PortfolioId, CandidateId CandidateId, string SchemeCode, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record EvidenceAdded(PortfolioId PortfolioId, Guid EvidenceId, string Kind, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record EvidenceRemoved(PortfolioId PortfolioId, Guid EvidenceId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record EssayWritten(PortfolioId PortfolioId, string Code, int WordCount, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PortfolioClosed(PortfolioId PortfolioId, CandidateId CandidateId, string SchemeCode, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PortfolioWithdrawn(PortfolioId PortfolioId, CandidateId CandidateId, string SchemeCode, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record SpecialisationChanged(PortfolioId PortfolioId, string? Previous, string Specialisation, DateTimeOffset OccurredAt) : IDomainEvent;
