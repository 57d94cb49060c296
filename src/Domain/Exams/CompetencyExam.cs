using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Exams;

public readonly record struct ExamId(Guid Value)
{
    public static ExamId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary><c>planned</c> → <c>in-progress</c> → <c>decided</c>.</summary>
public sealed record ExamStatus : ICoded
{
    private ExamStatus(string code) => Code = code;

    public string Code { get; }

    public static readonly ExamStatus Planned = new("planned");
    public static readonly ExamStatus InProgress = new("in-progress");
    public static readonly ExamStatus Decided = new("decided");

    public static IReadOnlyList<ExamStatus> All { get; } = [Planned, InProgress, Decided];

    public static Result<ExamStatus> FromCode(string? code) => CodeList.Parse(All, code, "exam-status.invalid", "An exam status");

    public override string ToString() => Code;
}

/// <summary>An assessor assigned to the exam, with the organisation used for conflict-of-interest checks.</summary>
public sealed record ExamAssessor(AssessorId AssessorId, string Name, string OrganisationKey);

/// <summary>
/// A K result from a plenary decision or an upheld appeal: the only thing a certificate can be issued from.
/// Only <see cref="CompetencyExam"/> creates one.
/// </summary>
public sealed record CompetentResult
{
    internal CompetentResult(ExamId examId, Guid participantId, CandidateId candidateId, PortfolioId portfolioId, string schemeCode, string source)
    {
        ExamId = examId;
        ParticipantId = participantId;
        CandidateId = candidateId;
        PortfolioId = portfolioId;
        SchemeCode = schemeCode;
        Source = source;
    }

    public ExamId ExamId { get; }

    public Guid ParticipantId { get; }

    public CandidateId CandidateId { get; }

    public PortfolioId PortfolioId { get; }

    public string SchemeCode { get; }

    /// <summary>Where the K came from, e.g. "plenary decision 12/LSP/2026" or "appeal upheld".</summary>
    public string Source { get; }
}

/// <summary>A candidate (through an accepted portfolio) enrolled in an exam with one assessor.</summary>
public sealed class ExamParticipant
{
    internal ExamParticipant(Guid id, PortfolioId portfolioId, CandidateId candidateId, string candidateOrganisationKey, AssessorId assessorId, DateTimeOffset enrolledAt)
    {
        Id = id;
        PortfolioId = portfolioId;
        CandidateId = candidateId;
        CandidateOrganisationKey = candidateOrganisationKey;
        AssessorId = assessorId;
        EnrolledAt = enrolledAt;
    }

    public Guid Id { get; }

    public PortfolioId PortfolioId { get; }

    public CandidateId CandidateId { get; }

    public string CandidateOrganisationKey { get; }

    public AssessorId AssessorId { get; }

    public DateTimeOffset EnrolledAt { get; }

    public Assessment? Assessment { get; internal set; }

    /// <summary>The final result: the recommendation as confirmed (or overridden) by the plenary, or changed by an upheld appeal.</summary>
    public AssessmentResult? Result { get; internal set; }

    public string? OverrideReason { get; internal set; }

    public Appeal? Appeal { get; internal set; }

    public CertificateNumber? CertificateNumber { get; internal set; }

    internal static ExamParticipant Rehydrate(Guid id, PortfolioId portfolioId, CandidateId candidateId, string organisationKey, AssessorId assessorId,
        DateTimeOffset enrolledAt, Assessment? assessment, AssessmentResult? result, string? overrideReason, Appeal? appeal, CertificateNumber? certificateNumber) =>
        new(id, portfolioId, candidateId, organisationKey, assessorId, enrolledAt)
        {
            Assessment = assessment,
            Result = result,
            OverrideReason = overrideReason,
            Appeal = appeal,
            CertificateNumber = certificateNumber,
        };
}

/// <summary>
/// A competency exam (uji kompetensi): a round at a test venue (TUK) for one scheme, with assigned assessors, enrolled
/// participants each with their assessor, impartiality declarations, assessments, the plenary decision and appeals.
/// </summary>
public sealed class CompetencyExam : AggregateRoot
{
    public const int MaxCapacity = 1_000;

    private readonly List<ExamAssessor> _assessors = [];
    private readonly List<ExamParticipant> _participants = [];
    private readonly List<ImpartialityDeclaration> _declarations = [];

    private CompetencyExam(ExamId id, string schemeCode, string title, string venue, RegionCode region, DateOnly scheduledOn, int capacity, ExamStatus status, DateTimeOffset createdAt)
    {
        Id = id;
        SchemeCode = schemeCode;
        Title = title;
        Venue = venue;
        Region = region;
        ScheduledOn = scheduledOn;
        Capacity = capacity;
        Status = status;
        CreatedAt = createdAt;
    }

    public ExamId Id { get; }

    public string SchemeCode { get; }

    public string Title { get; }

    /// <summary>The test venue (TUK, <i>tempat uji kompetensi</i>).</summary>
    public string Venue { get; }

    public RegionCode Region { get; }

    public DateOnly ScheduledOn { get; }

    public int Capacity { get; }

    public ExamStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? StartedAt { get; private set; }

    public PlenaryDecision? Decision { get; private set; }

    public IReadOnlyList<ExamAssessor> Assessors => _assessors;

    public IReadOnlyList<ExamParticipant> Participants => _participants;

    public IReadOnlyList<ImpartialityDeclaration> Declarations => _declarations;

    public static Result<CompetencyExam> Plan(CertificationScheme scheme, string? title, string? venue, string? regionCode, DateOnly? scheduledOn, int? capacity, TimeProvider clock)
    {
        Guard.Against.Null(scheme);
        var errors = new ErrorCollector();
        var parsedTitle = errors.Take(Text.Required(title, 200, "exam.title-invalid"), "title");
        var parsedVenue = errors.Take(Text.Required(venue, 200, "exam.venue-invalid"), "venue");
        var region = errors.Take(RegionCode.Parse(regionCode), "regionCode");
        errors.Require(scheduledOn, "scheduledOn");
        if (errors.Require(capacity, "capacity") && capacity is < 1 or > MaxCapacity)
        {
            errors.Add(Error.Validation("exam.capacity-invalid", $"Capacity is 1–{MaxCapacity}."), "capacity");
        }

        if (errors.HasErrors)
        {
            return errors.ToError();
        }

        var now = clock.GetUtcNow();
        var exam = new CompetencyExam(ExamId.New(), scheme.Code, parsedTitle!, parsedVenue!, region!, scheduledOn!.Value, capacity!.Value, ExamStatus.Planned, now);
        exam.Raise(new ExamPlanned(exam.Id, scheme.Code, now));
        return exam;
    }

    public Result AssignAssessor(Assessor assessor, TimeProvider clock)
    {
        Guard.Against.Null(assessor);
        if (Status == ExamStatus.Decided)
        {
            return ExamErrors.WrongStatus(Status, "assign assessors to");
        }

        if (_assessors.Any(a => a.AssessorId == assessor.Id))
        {
            return Error.Conflict("exam.assessor-already-assigned", "The assessor is already assigned to this exam.");
        }

        _assessors.Add(new ExamAssessor(assessor.Id, assessor.FullName.Value, assessor.OrganisationKey));
        Raise(new AssessorAssigned(Id, assessor.Id, clock.GetUtcNow()));
        return Result.Success();
    }

    public bool IsAssigned(AssessorId assessorId) => _assessors.Any(a => a.AssessorId == assessorId);

    /// <summary>
    /// Enrols an accepted portfolio with one assigned assessor. <paramref name="participantInAnotherUndecidedExam"/>
    /// tells whether the portfolio's candidate already sits in another undecided exam of this scheme.
    /// </summary>
    public Result<ExamParticipant> Enrol(Portfolio portfolio, Candidate candidate, AssessorId assessorId, CertificationScheme scheme,
        bool participantInAnotherUndecidedExam, TimeProvider clock)
    {
        Guard.Against.Null(portfolio);
        Guard.Against.Null(candidate);
        EnsureScheme(scheme);
        if (portfolio.CandidateId != candidate.Id)
        {
            throw new ArgumentException("The candidate must be the portfolio's.", nameof(candidate));
        }

        if (Status != ExamStatus.Planned)
        {
            return ExamErrors.WrongStatus(Status, "enrol participants in");
        }

        if (portfolio.SchemeCode != SchemeCode)
        {
            return Error.Rule("exam.scheme-mismatch", $"The portfolio is for {portfolio.SchemeCode}; this exam is for {SchemeCode}.");
        }

        if (portfolio.Status != PortfolioStatus.Accepted)
        {
            return Error.Rule("portfolio.not-accepted", $"The portfolio is {portfolio.Status.Code}; only accepted portfolios are enrolled.");
        }

        if (_participants.Any(p => p.CandidateId == candidate.Id) || participantInAnotherUndecidedExam)
        {
            return Error.Conflict("exam.already-enrolled", "The candidate already sits in an undecided exam of this scheme.");
        }

        var assessor = _assessors.FirstOrDefault(a => a.AssessorId == assessorId);
        if (assessor is null)
        {
            return Error.Rule("exam.assessor-not-assigned", "The assessor is not assigned to this exam.");
        }

        var rules = new IBusinessRule[]
        {
            new NoConflictOfInterestRule(assessor.OrganisationKey, candidate.OrganisationKey),
            new ExamCapacityRule(_participants.Count, Capacity),
            new AssessorLoadRule(_participants.Count(p => p.AssessorId == assessorId), scheme.MaxParticipantsPerAssessor),
        };
        var broken = rules.Where(r => r.IsBroken()).Select(r => r.Error).ToList();
        if (broken.Count > 0)
        {
            return broken.Count == 1 ? broken[0] : broken[0] with { Details = broken };
        }

        var now = clock.GetUtcNow();
        var participant = new ExamParticipant(Guid.CreateVersion7(), portfolio.Id, candidate.Id, candidate.OrganisationKey, assessorId, now);
        _participants.Add(participant);
        Raise(new ParticipantEnrolled(Id, participant.Id, candidate.Id, now));
        return participant;
    }

    public Result Start(TimeProvider clock)
    {
        if (Status != ExamStatus.Planned)
        {
            return ExamErrors.WrongStatus(Status, "start");
        }

        if (_participants.Count == 0)
        {
            return Error.Rule("exam.no-participants", "An exam starts with at least one participant.");
        }

        var now = clock.GetUtcNow();
        Status = ExamStatus.InProgress;
        StartedAt = now;
        Raise(new ExamStarted(Id, now));
        return Result.Success();
    }

    public Result DeclareImpartiality(AssessorId assessorId, string? statement, TimeProvider clock)
    {
        if (!IsAssigned(assessorId))
        {
            return ExamErrors.NotAssigned;
        }

        if (Status == ExamStatus.Decided)
        {
            return ExamErrors.WrongStatus(Status, "declare impartiality for");
        }

        if (_declarations.Any(d => d.AssessorId == assessorId))
        {
            return Error.Conflict("exam.impartiality-already-declared", "The assessor has already declared impartiality for this exam.");
        }

        var text = Text.Multiline(statement, 4_000, "exam.impartiality-statement-required");
        if (text.IsFailure)
        {
            return text.Error!.AtField("statement");
        }

        var now = clock.GetUtcNow();
        _declarations.Add(new ImpartialityDeclaration(assessorId, text.Value, now));
        Raise(new ImpartialityDeclared(Id, assessorId, now));
        return Result.Success();
    }

    /// <summary>
    /// Records the assessment of one participant by their own assessor, after the assessor declared impartiality.
    /// Every evidence item of the portfolio gets a VATM verdict and every essay of the scheme a score.
    /// </summary>
    public Result<AssessmentOutcome> Assess(Guid participantId, AssessorId assessorId, AssessmentSheet sheet, Portfolio portfolio, CertificationScheme scheme, TimeProvider clock)
    {
        Guard.Against.Null(sheet);
        Guard.Against.Null(portfolio);
        EnsureScheme(scheme);
        if (Status != ExamStatus.InProgress)
        {
            return ExamErrors.WrongStatus(Status, "record assessments in");
        }

        var participant = _participants.FirstOrDefault(p => p.Id == participantId);
        if (participant is null)
        {
            return ExamErrors.ParticipantNotFound;
        }

        var own = Check(new OnlyTheAssignedAssessorAssessesRule(participant.AssessorId, assessorId));
        if (own.IsFailure)
        {
            return own.Error!;
        }

        var impartial = Check(new ImpartialityBeforeAssessmentRule(_declarations.Any(d => d.AssessorId == assessorId)));
        if (impartial.IsFailure)
        {
            return impartial.Error!;
        }

        if (portfolio.Id != participant.PortfolioId)
        {
            throw new ArgumentException("The portfolio must be the participant's.", nameof(portfolio));
        }

        var coverage = CheckCoverage(sheet, portfolio, scheme);
        if (coverage.IsFailure)
        {
            return coverage.Error!;
        }

        var outcome = Recommend(sheet, scheme);
        var now = clock.GetUtcNow();
        participant.Assessment = new Assessment(sheet, outcome, now);
        Raise(new AssessmentRecorded(Id, participant.Id, assessorId, outcome.Recommendation.Code, now));
        return outcome;
    }

    /// <summary>
    /// K only if the written score reaches the pass mark, the interview is K, every evidence item passes all four VATM
    /// checks, the average essay score reaches the scheme's (3.0) and no essay scores below its minimum (2).
    /// </summary>
    public static AssessmentOutcome Recommend(AssessmentSheet sheet, CertificationScheme scheme)
    {
        Guard.Against.Null(sheet);
        Guard.Against.Null(scheme);
        var written = sheet.WrittenScore >= scheme.WrittenPassMark;
        var interview = sheet.Interview.IsCompetent;
        var scores = sheet.EssayScores.Select(s => s.Score).ToList();
        var portfolio = sheet.EvidenceVerdicts.All(v => v.Verdict.Passes)
            && scores.Count > 0
            && (decimal)scores.Sum() / scores.Count >= scheme.EssayAveragePassScore
            && scores.Min() >= scheme.EssayMinimumScore;
        return new AssessmentOutcome(
            AssessmentResult.Of(written),
            AssessmentResult.Of(interview),
            AssessmentResult.Of(portfolio),
            AssessmentResult.Of(written && interview && portfolio));
    }

    /// <summary>
    /// The plenary confirms each recommendation (an override needs a written reason). The panel includes nobody who
    /// assessed the participants it decides on. Returns the K results, each of which gets a certificate.
    /// </summary>
    public Result<IReadOnlyList<CompetentResult>> Decide(string? decreeNumber, IReadOnlyList<PanelMember> panel, IReadOnlyList<ResultOverride> overrides, TimeProvider clock)
    {
        Guard.Against.Null(panel);
        Guard.Against.Null(overrides);
        if (Status != ExamStatus.InProgress)
        {
            return ExamErrors.WrongStatus(Status, "decide");
        }

        var errors = new ErrorCollector();
        var decree = errors.Take(Text.Required(decreeNumber, 100, "decision.decree-number-required"), "decreeNumber");
        if (panel.Count == 0)
        {
            errors.Add(Error.Validation("decision.panel-required", "The plenary panel has at least one member."), "panel");
        }

        for (var i = 0; i < overrides.Count; i++)
        {
            if (_participants.All(p => p.Id != overrides[i].ParticipantId))
            {
                errors.Add(Error.Validation("decision.unknown-participant", "No participant of this exam has that id."), $"overrides[{i}].participantId");
            }

            if (string.IsNullOrWhiteSpace(overrides[i].Reason))
            {
                errors.Add(Error.Validation("decision.override-reason-required", "An override needs a written reason."), $"overrides[{i}].reason");
            }
        }

        if (overrides.Select(o => o.ParticipantId).Distinct().Count() != overrides.Count)
        {
            errors.Add(Error.Validation("decision.duplicate-override", "A participant is overridden at most once."), "overrides");
        }

        if (errors.HasErrors)
        {
            return errors.ToError();
        }

        var unassessed = _participants.Count(p => p.Assessment is null);
        if (unassessed > 0)
        {
            return Error.Rule("exam.not-fully-assessed", $"{unassessed} participant(s) have not been assessed yet.");
        }

        var conflict = Check(new PanelExcludesAssessorsRule(panel, _participants.Select(p => p.AssessorId).ToHashSet()));
        if (conflict.IsFailure)
        {
            return conflict.Error!;
        }

        var now = clock.GetUtcNow();
        Decision = new PlenaryDecision(decree!, panel, now);
        var competent = new List<CompetentResult>();
        foreach (var participant in _participants)
        {
            var change = overrides.FirstOrDefault(o => o.ParticipantId == participant.Id);
            participant.Result = change?.Result ?? participant.Assessment!.Outcome.Recommendation;
            participant.OverrideReason = change?.Reason.Trim();
            if (participant.Result.IsCompetent)
            {
                competent.Add(new CompetentResult(Id, participant.Id, participant.CandidateId, participant.PortfolioId, SchemeCode, $"plenary decision {decree}"));
            }
        }

        Status = ExamStatus.Decided;
        Raise(new ExamDecided(Id, decree!, _participants.Count, competent.Count, now));
        return competent;
    }

    /// <summary>A BK participant may appeal once, within the scheme's appeal window counted from the decision.</summary>
    public Result FileAppeal(Guid participantId, string? reason, CertificationScheme scheme, TimeProvider clock)
    {
        EnsureScheme(scheme);
        if (Status != ExamStatus.Decided)
        {
            return ExamErrors.WrongStatus(Status, "appeal a result of");
        }

        var participant = _participants.FirstOrDefault(p => p.Id == participantId);
        if (participant is null)
        {
            return ExamErrors.ParticipantNotFound;
        }

        if (participant.Result != AssessmentResult.NotYetCompetent)
        {
            return Error.Rule("appeal.not-bk", "Only a BK (not yet competent) result can be appealed.");
        }

        if (participant.Appeal is not null)
        {
            return Error.Conflict("appeal.already-filed", "This result has already been appealed; an appeal is filed once.");
        }

        var now = clock.GetUtcNow();
        var window = Check(new AppealWithinWindowRule(DateOnly.FromDateTime(Decision!.DecidedAt.UtcDateTime), scheme.AppealWindowDays, DateOnly.FromDateTime(now.UtcDateTime)));
        if (window.IsFailure)
        {
            return window;
        }

        var text = Text.Multiline(reason, 4_000, "appeal.reason-required");
        if (text.IsFailure)
        {
            return text.Error!.AtField("reason");
        }

        participant.Appeal = new Appeal(text.Value, now);
        Raise(new AppealFiled(Id, participant.Id, participant.CandidateId, now));
        return Result.Success();
    }

    /// <summary>Resolves an appeal: upheld makes the result K (and returns it, for the certificate); dismissed keeps BK.</summary>
    public Result<CompetentResult?> ResolveAppeal(Guid participantId, bool? upheld, string? note, TimeProvider clock)
    {
        var participant = _participants.FirstOrDefault(p => p.Id == participantId);
        if (participant is null)
        {
            return ExamErrors.ParticipantNotFound;
        }

        if (participant.Appeal is null)
        {
            return Error.NotFound("appeal.not-found", "This participant has not appealed.");
        }

        if (participant.Appeal.IsResolved)
        {
            return Error.Conflict("appeal.already-resolved", "The appeal has already been resolved.");
        }

        var errors = new ErrorCollector();
        errors.Require(upheld, "upheld");
        var text = errors.Take(Text.Multiline(note, 4_000, "appeal.note-required"), "note");
        if (errors.HasErrors)
        {
            return errors.ToError();
        }

        var now = clock.GetUtcNow();
        participant.Appeal = participant.Appeal with { Upheld = upheld, ResolutionNote = text, ResolvedAt = now };
        CompetentResult? competent = null;
        if (upheld == true)
        {
            participant.Result = AssessmentResult.Competent;
            competent = new CompetentResult(Id, participant.Id, participant.CandidateId, participant.PortfolioId, SchemeCode, "appeal upheld");
        }

        Raise(new AppealResolved(Id, participant.Id, participant.CandidateId, upheld!.Value, now));
        return Result<CompetentResult?>.Success(competent);
    }

    /// <summary>Notes the number of the certificate issued for a participant's K.</summary>
    public void RecordCertificate(Guid participantId, CertificateNumber number)
    {
        var participant = _participants.Single(p => p.Id == participantId);
        if (participant.Result != AssessmentResult.Competent)
        {
            throw new InvalidOperationException("Only a K result carries a certificate.");
        }

        participant.CertificateNumber = number;
    }

    private void EnsureScheme(CertificationScheme scheme)
    {
        Guard.Against.Null(scheme);
        if (scheme.Code != SchemeCode)
        {
            throw new ArgumentException($"The exam is for {SchemeCode}, not {scheme.Code}.", nameof(scheme));
        }
    }

    private static Result CheckCoverage(AssessmentSheet sheet, Portfolio portfolio, CertificationScheme scheme)
    {
        var errors = new ErrorCollector();
        var evidenceIds = portfolio.Evidence.Select(e => e.Id).ToHashSet();
        var verdictIds = sheet.EvidenceVerdicts.Select(v => v.EvidenceId).ToHashSet();
        var missing = evidenceIds.Count(id => !verdictIds.Contains(id));
        if (missing > 0)
        {
            errors.Add(Error.Validation("assessment.verdicts-incomplete", $"{missing} evidence item(s) have no VATM verdict; every item needs one."), "evidenceVerdicts");
        }

        if (verdictIds.Any(id => !evidenceIds.Contains(id)))
        {
            errors.Add(Error.Validation("assessment.unknown-evidence", "A verdict names evidence that is not in the participant's portfolio."), "evidenceVerdicts");
        }

        var scored = sheet.EssayScores.Select(s => s.Code).ToHashSet();
        var unscored = scheme.EssayCodes.Where(c => !scored.Contains(c)).ToList();
        if (unscored.Count > 0)
        {
            errors.Add(Error.Validation("assessment.essay-scores-incomplete", $"Essays without a score: {string.Join(", ", unscored)}."), "essayScores");
        }

        if (scored.Any(c => !scheme.EssayCodes.Contains(c)))
        {
            errors.Add(Error.Validation("assessment.unknown-essay", "A score names an essay that is not in the scheme."), "essayScores");
        }

        return errors.HasErrors ? errors.ToError() : Result.Success();
    }

    internal static CompetencyExam Rehydrate(ExamId id, string schemeCode, string title, string venue, RegionCode region, DateOnly scheduledOn, int capacity,
        ExamStatus status, DateTimeOffset createdAt, DateTimeOffset? startedAt, PlenaryDecision? decision, int version,
        IEnumerable<ExamAssessor> assessors, IEnumerable<ImpartialityDeclaration> declarations, IEnumerable<ExamParticipant> participants)
    {
        var exam = new CompetencyExam(id, schemeCode, title, venue, region, scheduledOn, capacity, status, createdAt)
        {
            StartedAt = startedAt,
            Decision = decision,
        };
        exam._assessors.AddRange(assessors);
        exam._declarations.AddRange(declarations);
        exam._participants.AddRange(participants);
        exam.SetVersion(version);
        return exam;
    }
}

public static class ExamErrors
{
    public static readonly Error ParticipantNotFound = Error.NotFound("exam.participant-not-found", "This exam has no participant with that id.");

    public static readonly Error NotAssigned = Error.Forbidden("exam.assessor-not-assigned", "The assessor is not assigned to this exam.");

    public static Error WrongStatus(ExamStatus status, string action) =>
        Error.Conflict("exam.invalid-status", $"The exam is {status.Code}; cannot {action} it now.");
}

/// <summary>An assessor never assesses a candidate from their own organisation.</summary>
public sealed class NoConflictOfInterestRule(string assessorOrganisationKey, string candidateOrganisationKey) : IBusinessRule
{
    public Error Error => Error.Rule("exam.conflict-of-interest", "The assessor belongs to the candidate's organisation (conflict of interest).");

    public bool IsBroken() => string.Equals(assessorOrganisationKey, candidateOrganisationKey, StringComparison.Ordinal);
}

/// <summary>An exam never exceeds its capacity.</summary>
public sealed class ExamCapacityRule(int enrolled, int capacity) : IBusinessRule
{
    public Error Error => Error.Rule("exam.capacity-reached", $"The exam is full ({capacity} participants).");

    public bool IsBroken() => enrolled >= capacity;
}

/// <summary>An assessor never has more than the scheme's maximum participants in one exam.</summary>
public sealed class AssessorLoadRule(int assigned, int maximum) : IBusinessRule
{
    public Error Error => Error.Rule("exam.assessor-overloaded", $"The assessor already has {maximum} participants in this exam, the most allowed.");

    public bool IsBroken() => assigned >= maximum;
}

/// <summary>Only a participant's own assessor records their assessment.</summary>
public sealed class OnlyTheAssignedAssessorAssessesRule(AssessorId participantsAssessor, AssessorId actingAssessor) : IBusinessRule
{
    public Error Error => Error.Forbidden("exam.not-your-participant", "Only the participant's assigned assessor may assess them.");

    public bool IsBroken() => participantsAssessor != actingAssessor;
}

/// <summary>An assessor declares impartiality before assessing anyone.</summary>
public sealed class ImpartialityBeforeAssessmentRule(bool declared) : IBusinessRule
{
    public Error Error => Error.Rule("exam.impartiality-required", "The assessor must declare impartiality for this exam before assessing.");

    public bool IsBroken() => !declared;
}

/// <summary>The plenary panel includes nobody who assessed the participants it decides on.</summary>
public sealed class PanelExcludesAssessorsRule(IReadOnlyList<PanelMember> panel, IReadOnlySet<AssessorId> assessorsOfParticipants) : IBusinessRule
{
    public Error Error => Error.Rule("exam.panel-conflict", "A panel member assessed participants of this exam; the plenary must be independent of the assessors.");

    public bool IsBroken() => panel.Any(m => m.AssessorId is { } id && assessorsOfParticipants.Contains(id));
}

/// <summary>An appeal is filed within the appeal window, counted in days from the decision.</summary>
public sealed class AppealWithinWindowRule(DateOnly decidedOn, int windowDays, DateOnly today) : IBusinessRule
{
    public Error Error => Error.Rule("appeal.window-closed", $"The appeal window of {windowDays} days after the decision ({decidedOn:yyyy-MM-dd}) has closed.");

    public bool IsBroken() => today > decidedOn.AddDays(windowDays);
}

public sealed record ExamPlanned(ExamId ExamId, string SchemeCode, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ParticipantEnrolled(ExamId ExamId, Guid ParticipantId, CandidateId CandidateId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ExamStarted(ExamId ExamId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ImpartialityDeclared(ExamId ExamId, AssessorId AssessorId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AssessmentRecorded(ExamId ExamId, Guid ParticipantId, AssessorId AssessorId, string Recommendation, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ExamDecided(ExamId ExamId, string DecreeNumber, int Participants, int Competent, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AppealFiled(ExamId ExamId, Guid ParticipantId, CandidateId CandidateId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AppealResolved(ExamId ExamId, Guid ParticipantId, CandidateId CandidateId, bool Upheld, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AssessorAssigned(ExamId ExamId, AssessorId AssessorId, DateTimeOffset OccurredAt) : IDomainEvent;
