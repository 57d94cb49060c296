using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Exams;

/// <summary>
/// A competency exam (uji kompetensi) at a TUK: assessors, participants, impartiality, assessments, the plenary and appeals.
/// Exam-wide changes are checked against the exam's version, a participant's own against that participant's.
/// </summary>
public sealed partial class CompetencyExam : AggregateRoot
{
    public const int MaxCapacity = 1_000;

    private readonly List<ExamAssessor> _assessors = [];
    private readonly List<ExamParticipant> _participants = [];
    private readonly List<ImpartialityDeclaration> _declarations = [];
    private readonly List<ExamParticipant> _removed = [];
    private int _savedAssessors;
    private int _savedDeclarations;

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

    public string Title { get; private set; }

    /// <summary>The test venue (TUK, <i>tempat uji kompetensi</i>).</summary>
    public string Venue { get; private set; }

    public RegionCode Region { get; }

    public DateOnly ScheduledOn { get; private set; }

    public int Capacity { get; private set; }

    public ExamStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? StartedAt { get; private set; }

    public PlenaryDecision? Decision { get; private set; }

    public IReadOnlyList<ExamAssessor> Assessors => _assessors;

    public IReadOnlyList<ExamParticipant> Participants => _participants;

    public IReadOnlyList<ImpartialityDeclaration> Declarations => _declarations;

    /// <summary>Whether the exam as a whole (status, decision, who takes part) changed since it was loaded.</summary>
    public bool HasExamChanges { get; private set; }

    /// <summary>Assessors assigned since the exam was loaded.</summary>
    public IEnumerable<ExamAssessor> NewAssessors => _assessors.Skip(_savedAssessors);

    /// <summary>Participants removed (from a planned exam) since the exam was loaded.</summary>
    public IReadOnlyList<ExamParticipant> RemovedParticipants => _removed;

    /// <summary>Declarations made since the exam was loaded.</summary>
    public IEnumerable<ImpartialityDeclaration> NewDeclarations => _declarations.Skip(_savedDeclarations);

    public const int MaxTitleLength = 200;
    public const int MaxVenueLength = 200;

    public static Result<Narrative> ParseImpartialityStatement(string? statement) => Narrative.Parse(statement, 4_000, "exam.impartiality-statement-required");

    public static Result<Narrative> ParseAppealReason(string? reason) => Narrative.Parse(reason, 4_000, "appeal.reason-required");

    public static Result<Narrative> ParseAppealNote(string? note) => Narrative.Parse(note, 4_000, "appeal.note-required");

    public static Result<Narrative> ParseAbsenceNote(string? note) => Narrative.Parse(note, 2_000, "exam.absence-note-invalid");

    public static Result<Narrative> ParseWithdrawalReason(string? reason) => Narrative.Parse(reason, 2_000, "exam.withdrawal-reason-invalid");

    public static Result<Narrative> ParseReassignmentReason(string? reason) => Narrative.Parse(reason, 2_000, "exam.reassignment-reason-invalid");

    /// <summary>Plans an exam from parsed parts (the request's parser checks the capacity against <see cref="MaxCapacity"/>), on today or a later day.</summary>
    public static Result<CompetencyExam> Plan(CertificationScheme scheme, string title, string venue, RegionCode region, DateOnly scheduledOn, int capacity, TimeProvider clock)
    {
        Guard.Against.Null(scheme);
        Guard.Against.NullOrWhiteSpace(title);
        Guard.Against.NullOrWhiteSpace(venue);
        Guard.Against.Null(region);
        Guard.Against.OutOfRange(capacity, nameof(capacity), 1, MaxCapacity);
        if (Check(new NotScheduledInPastRule(scheduledOn, clock.Today())) is { IsFailure: true } past)
        {
            return past.Error!;
        }

        var now = clock.GetUtcNow();
        var exam = new CompetencyExam(ExamId.New(), scheme.Code, title, venue, region, scheduledOn, capacity, ExamStatus.Planned, now);
        exam.HasExamChanges = true;
        exam.Raise(new ExamPlanned(exam.Id, scheme.Code, now));
        return exam;
    }

    public bool IsAssigned(AssessorId assessorId) => _assessors.Any(a => a.AssessorId == assessorId);

    public ExamParticipant? FindParticipant(Guid participantId) => _participants.FirstOrDefault(p => p.Id == participantId);

    /// <summary>The last day a BK participant may appeal (null for a K, or before the decision).</summary>
    public DateOnly? AppealDeadlineFor(ExamParticipant participant) =>
        participant.Result == AssessmentResult.NotYetCompetent ? participant.AppealDeadline ?? Decision?.AppealDeadline : null;

    public Result AssignAssessor(Assessor assessor, TimeProvider clock)
    {
        Guard.Against.Null(assessor);
        if (FirstBroken(new ExamIsUndecidedRule(Status, "assign assessors to"), new AssessorAssignedOnceRule(IsAssigned(assessor.Id))) is { } refused)
        {
            return refused;
        }

        _assessors.Add(new ExamAssessor(assessor.Id, assessor.FullName.Value, assessor.OrganisationKey));
        HasExamChanges = true;
        Raise(new AssessorAssigned(Id, assessor.Id, clock.GetUtcNow()));
        return Result.Success();
    }

    /// <summary>
    /// Enrols an accepted portfolio with one assigned assessor, if its candidate is still eligible.
    /// <paramref name="participantInAnotherUndecidedExam"/> tells whether the candidate already sits in another undecided exam of this scheme.
    /// </summary>
    public Result<ExamParticipant> Enrol(Portfolio portfolio, EligibilityContext eligibility, AssessorId assessorId, CertificationScheme scheme,
        bool participantInAnotherUndecidedExam, TimeProvider clock)
    {
        Guard.Against.Null(portfolio);
        Guard.Against.Null(eligibility);
        var candidate = eligibility.Candidate;
        EnsureScheme(scheme, portfolio.SchemeCode == SchemeCode ? portfolio.SchemeVersion : null);
        if (portfolio.CandidateId != candidate.Id)
        {
            throw new ArgumentException("The candidate must be the portfolio's.", nameof(eligibility));
        }

        var assessor = _assessors.FirstOrDefault(a => a.AssessorId == assessorId);
        var refused = FirstBroken(
            new ExamIsRule(Status, ExamStatus.Planned, "enrol participants in"),
            new PortfolioOfExamSchemeRule(portfolio.SchemeCode, SchemeCode),
            new PortfolioAcceptedRule(portfolio.Status),
            new OneUndecidedExamPerSchemeRule(participantInAnotherUndecidedExam || TakingPart.Any(p => p.CandidateId == candidate.Id)),
            new AssessorOfTheExamRule(assessor is not null))
            ?? (UnmetEligibility(scheme, eligibility) is { Count: > 0 } unmet ? ExamErrors.Ineligible(unmet) : null)
            ?? AllBroken([.. CanTakeOneMore(assessor!, candidate.OrganisationKey, scheme), new ExamCapacityRule(TakingPart.Count(), Capacity)]);
        if (refused is not null)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var participant = new ExamParticipant(Guid.CreateVersion7(), portfolio.Id, candidate.Id, candidate.OrganisationKey, assessorId, now, portfolio.SchemeVersion);
        _participants.Add(participant);
        HasExamChanges = true;
        Raise(new ParticipantEnrolled(Id, participant.Id, candidate.Id, now));
        return participant;
    }

    public Result Start(TimeProvider clock)
    {
        if (FirstBroken(new ExamIsRule(Status, ExamStatus.Planned, "start"), new ScheduledDayReachedRule(ScheduledOn, clock.Today()),
                new ExamHasParticipantsRule(TakingPart.Count())) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        Status = ExamStatus.InProgress;
        StartedAt = now;
        HasExamChanges = true;
        Raise(new ExamStarted(Id, now));
        return Result.Success();
    }

    /// <summary>The assessor's own declaration: it touches no other assessor's work, so it is not an exam-wide change.</summary>
    public Result DeclareImpartiality(AssessorId assessorId, Narrative statement, TimeProvider clock)
    {
        if (!IsAssigned(assessorId))
        {
            return ExamErrors.NotAssigned;
        }

        var refused = FirstBroken(
            new ExamIsUndecidedRule(Status, "declare impartiality for"),
            new ImpartialityDeclaredOnceRule(_declarations.Any(d => d.AssessorId == assessorId)));
        if (refused is not null)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        _declarations.Add(new ImpartialityDeclaration(assessorId, statement.Value, now));
        Raise(new ImpartialityDeclared(Id, assessorId, now));
        return Result.Success();
    }

    public static Result<Narrative> ParseAmendmentReason(string? reason) => Narrative.Parse(reason, 2_000, "exam.amendment-reason-invalid");

    /// <summary>
    /// Records the assessment of one participant by their own assessor, after the assessor declared impartiality.
    /// Every evidence item of the portfolio gets a VATM verdict and every essay of the scheme a score. A recorded
    /// assessment is replaced only with an <paramref name="amendmentReason"/>, and the one it replaces is kept.
    /// </summary>
    public Result<AssessmentOutcome> Assess(Guid participantId, AssessorId assessorId, AssessmentSheet sheet, Portfolio portfolio, CertificationScheme scheme,
        Narrative? amendmentReason, TimeProvider clock)
    {
        Guard.Against.Null(sheet);
        Guard.Against.Null(portfolio);
        EnsureScheme(scheme, portfolio.SchemeVersion);
        if (Check(new ExamIsRule(Status, ExamStatus.InProgress, "record assessments in")) is { IsFailure: true } notInProgress)
        {
            return notInProgress.Error!;
        }

        if (FindParticipant(participantId) is not { } participant)
        {
            return ExamErrors.ParticipantNotFound;
        }

        var refused = FirstBroken(
            new OnlyTheAssignedAssessorAssessesRule(participant.AssessorId, assessorId),
            new ImpartialityBeforeAssessmentRule(_declarations.Any(d => d.AssessorId == assessorId)),
            new ParticipantIsPendingRule(participant.Status, evenIfAssessed: true),
            new AmendmentHasReasonRule(participant.Assessment is not null, amendmentReason is not null));
        if (refused is not null)
        {
            return refused;
        }

        if (portfolio.Id != participant.PortfolioId)
        {
            throw new ArgumentException("The portfolio must be the participant's.", nameof(portfolio));
        }

        if (AssessmentRecommendation.CheckCoverage(sheet, portfolio, scheme) is { IsFailure: true } incomplete)
        {
            return incomplete.Error!;
        }

        var outcome = AssessmentRecommendation.Recommend(sheet, portfolio.Contents, scheme);
        var now = clock.GetUtcNow();
        var replaced = participant.Assessment;
        var reason = replaced is null ? null : amendmentReason!.Value;
        participant.Record(new Assessment(sheet, outcome, now, reason));
        Raise(replaced is null
            ? new AssessmentRecorded(Id, participant.Id, assessorId, outcome.Recommendation.Code, now)
            : new AssessmentAmended(Id, participant.Id, assessorId, replaced.Outcome.Recommendation.Code, outcome.Recommendation.Code, reason!, now));
        return outcome;
    }

    /// <summary>
    /// The plenary confirms each recommendation (an override needs a written reason). The panel includes nobody who
    /// assessed the participants it decides on, and every participant decided is still eligible (<paramref name="eligibility"/>
    /// by candidate). Returns the K results, each of which gets a certificate.
    /// </summary>
    public Result<IReadOnlyList<CompetentResult>> Decide(string decreeNumber, IReadOnlyList<PanelMember> panel, IReadOnlyList<ResultOverride> overrides,
        Func<int, CertificationScheme> schemeVersion, IReadOnlyDictionary<CandidateId, EligibilityContext> eligibility, TimeProvider clock)
    {
        Guard.Against.Null(eligibility);
        Guard.Against.Null(schemeVersion);
        Guard.Against.NullOrWhiteSpace(decreeNumber);
        Guard.Against.NullOrEmpty(panel);
        Guard.Against.Null(overrides);
        if (Check(new ExamIsRule(Status, ExamStatus.InProgress, "decide")) is { IsFailure: true } notInProgress)
        {
            return notInProgress.Error!;
        }

        var deciding = TakingPart.ToList();
        if (PlenaryDecision.CheckOverrides(overrides, deciding.Select(p => p.Id).ToHashSet()) is { IsFailure: true } unknown)
        {
            return unknown.Error!;
        }

        var refused = FirstBroken(
            new EveryParticipantAssessedRule(deciding.Count(p => p.Assessment is null)),
            new PanelExcludesAssessorsRule(panel, _assessors.Where(a => deciding.Any(p => p.AssessorId == a.AssessorId)).ToList()))
            ?? IneligibleAmong(deciding, schemeVersion, eligibility);
        if (refused is not null)
        {
            return refused;
        }

        // Each participant's appeal window is their version's; the decision shows the last of them.
        var now = clock.GetUtcNow();
        var decidedOn = clock.DateOf(now);
        DateOnly DeadlineOf(ExamParticipant p) => decidedOn.AddDays(VersionOf(p, schemeVersion).AppealWindowDays);
        Decision = new PlenaryDecision(decreeNumber, panel, now, deciding.Count == 0 ? decidedOn : deciding.Max(DeadlineOf));
        var competent = new List<CompetentResult>();
        foreach (var participant in deciding)
        {
            var change = overrides.FirstOrDefault(o => o.ParticipantId == participant.Id);
            participant.Confirm(change?.Result ?? participant.Assessment!.Outcome.Recommendation, change?.Reason, DeadlineOf(participant));
            if (participant.Result!.IsCompetent)
            {
                competent.Add(new CompetentResult(Id, participant.Id, participant.CandidateId, participant.PortfolioId, SchemeCode, participant.SchemeVersion,
                    $"plenary decision {decreeNumber}"));
            }
        }

        Status = ExamStatus.Decided;
        HasExamChanges = true;
        Raise(new ExamDecided(Id, decreeNumber, deciding.Count, competent.Count,
            deciding.Select(p => new DecidedResult(p.Id, p.Result!.Code, p.Assessment!.Outcome.Recommendation.Code, p.OverrideReason)).ToList(), now));
        return competent;
    }

    /// <summary>A BK participant may appeal once, within the scheme's appeal window counted from the decision.</summary>
    public Result FileAppeal(Guid participantId, Narrative reason, CertificationScheme scheme, TimeProvider clock)
    {
        EnsureScheme(scheme);
        if (Check(new ExamIsRule(Status, ExamStatus.Decided, "appeal a result of")) is { IsFailure: true } notDecided)
        {
            return notDecided;
        }

        if (FindParticipant(participantId) is not { } participant)
        {
            return ExamErrors.ParticipantNotFound;
        }

        var now = clock.GetUtcNow();
        var refused = FirstBroken(
            new AppealOnlyAgainstBkRule(participant.Result),
            new AppealFiledOnceRule(participant.Appeal is not null),
            new AppealWithinWindowRule(participant.AppealDeadline ?? Decision!.AppealDeadline, clock.Today()));
        if (refused is not null)
        {
            return refused;
        }

        participant.File(new Appeal(reason.Value, now));
        Raise(new AppealFiled(Id, participant.Id, participant.CandidateId, now));
        return Result.Success();
    }

    /// <summary>Resolves an appeal: upheld makes the result K (and returns it, for the certificate); dismissed keeps BK.</summary>
    public Result<CompetentResult?> ResolveAppeal(Guid participantId, bool upheld, Narrative note, TimeProvider clock)
    {
        if (FindParticipant(participantId) is not { } participant)
        {
            return ExamErrors.ParticipantNotFound;
        }

        var refused = FirstBroken(new AppealFiledRule(participant.Appeal is not null), new AppealResolvedOnceRule(participant.Appeal?.IsResolved == true));
        if (refused is not null)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        participant.Resolve(participant.Appeal! with { Upheld = upheld, ResolutionNote = note.Value, ResolvedAt = now },
            upheld ? AssessmentResult.Competent : participant.Result!);
        Raise(new AppealResolved(Id, participant.Id, participant.CandidateId, upheld, now));
        return upheld
            ? new CompetentResult(Id, participant.Id, participant.CandidateId, participant.PortfolioId, SchemeCode, participant.SchemeVersion, "appeal upheld")
            : Result<CompetentResult?>.Success(null);
    }

    /// <summary>Notes the number of the certificate issued for a participant's K.</summary>
    public void RecordCertificate(Guid participantId, CertificateNumber number)
    {
        var participant = _participants.Single(p => p.Id == participantId);
        if (participant.Result != AssessmentResult.Competent)
        {
            throw new InvalidOperationException("Only a K result carries a certificate.");
        }

        participant.Certify(number);
    }

    /// <summary>Used by persistence after a successful save: what was saved is no longer new.</summary>
    internal void MarkSaved(int version)
    {
        SetVersion(version);
        HasExamChanges = false;
        _removed.Clear();
        _savedAssessors = _assessors.Count;
        _savedDeclarations = _declarations.Count;
    }

    /// <summary>What an assessor taking one more participant (enrolled or handed over) must meet: no conflict of interest, room in their load.</summary>
    private IBusinessRule[] CanTakeOneMore(ExamAssessor assessor, string candidateOrganisationKey, CertificationScheme scheme) =>
    [
        new NoConflictOfInterestRule(assessor.OrganisationKey, candidateOrganisationKey),
        new AssessorLoadRule(TakingPart.Count(p => p.AssessorId == assessor.AssessorId), scheme.MaxParticipantsPerAssessor),
    ];

    private void EnsureScheme(CertificationScheme scheme, int? version = null)
    {
        Guard.Against.Null(scheme);
        if (scheme.Code != SchemeCode || (version is { } v && scheme.Version != v))
        {
            throw new ArgumentException($"The exam is for {SchemeCode}{(version is null ? "" : $" v{version}")}, not {scheme}.", nameof(scheme));
        }
    }

    /// <summary>The scheme version a participant is judged under (their portfolio's).</summary>
    private CertificationScheme VersionOf(ExamParticipant participant, Func<int, CertificationScheme> schemeVersion)
    {
        var scheme = schemeVersion(participant.SchemeVersion);
        EnsureScheme(scheme, participant.SchemeVersion);
        return scheme;
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
        if (version > 0)
        {
            exam.MarkSaved(version);
        }

        return exam;
    }
}
