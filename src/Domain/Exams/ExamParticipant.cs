using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Domain.Exams;

/// <summary>
/// A candidate enrolled (through an accepted portfolio) with one assessor; it changes on its own and carries its own
/// version, so assessors saving different participants of one exam never collide.
/// </summary>
public sealed class ExamParticipant
{
    private readonly List<Assessment> _history = [];

    internal ExamParticipant(Guid id, PortfolioId portfolioId, CandidateId candidateId, string candidateOrganisationKey, AssessorId assessorId, DateTimeOffset enrolledAt,
        int schemeVersion = 1)
    {
        SchemeVersion = schemeVersion;
        Id = id;
        PortfolioId = portfolioId;
        CandidateId = candidateId;
        CandidateOrganisationKey = candidateOrganisationKey;
        AssessorId = assessorId;
        EnrolledAt = enrolledAt;
        HasChanges = true;
    }

    public Guid Id { get; }

    public PortfolioId PortfolioId { get; }

    public CandidateId CandidateId { get; }

    public string CandidateOrganisationKey { get; }

    public AssessorId AssessorId { get; private set; }

    /// <summary>The scheme version of the participant's portfolio: its pass mark, recommendation, appeal window and validity apply.</summary>
    public int SchemeVersion { get; private init; } = 1;

    /// <summary>For a BK result, the last day (LSP calendar) it can be appealed: the decision's date plus the version's window.</summary>
    public DateOnly? AppealDeadline { get; private set; }

    public DateTimeOffset EnrolledAt { get; }

    public ParticipantStatus Status { get; private set; } = ParticipantStatus.Enrolled;

    /// <summary>Why the participant is absent or withdrawn (the admin's note or reason).</summary>
    public string? StatusNote { get; private set; }

    public Assessment? Assessment { get; private set; }

    /// <summary>Every assessment the current one replaced, oldest first.</summary>
    public IReadOnlyList<Assessment> AssessmentHistory => _history;

    /// <summary>The final result: the recommendation as confirmed (or overridden) by the plenary, or changed by an upheld appeal.</summary>
    public AssessmentResult? Result { get; private set; }

    public string? OverrideReason { get; private set; }

    public Appeal? Appeal { get; private set; }

    public CertificateNumber? CertificateNumber { get; private set; }

    /// <summary>The stored version this participant was loaded at (0: not saved yet).</summary>
    public int Version { get; private set; }

    /// <summary>Whether the participant changed since it was loaded (new participants included), so it must be saved.</summary>
    public bool HasChanges { get; private set; }

    internal void Record(Assessment assessment) => Change(() =>
    {
        if (Assessment is not null)
        {
            _history.Add(Assessment);
        }

        Assessment = assessment;
        Status = ParticipantStatus.Assessed;
    });

    internal void Confirm(AssessmentResult result, string? overrideReason, DateOnly appealDeadline) => Change(() =>
    {
        Result = result;
        AppealDeadline = result.IsCompetent ? null : appealDeadline;
        OverrideReason = overrideReason;
        Status = ParticipantStatus.Decided;
    });

    internal void Leave(ParticipantStatus status, string? note) => Change(() =>
    {
        Status = status;
        StatusNote = note;
    });

    internal void HandOver(AssessorId assessorId) => Change(() => AssessorId = assessorId);

    internal void File(Appeal appeal) => Change(() => Appeal = appeal);

    internal void Resolve(Appeal resolved, AssessmentResult result) => Change(() =>
    {
        Appeal = resolved;
        Result = result;
    });

    internal void Certify(CertificateNumber number) => Change(() => CertificateNumber = number);

    /// <summary>Used by persistence after a successful save.</summary>
    internal void MarkSaved(int version)
    {
        Version = version;
        HasChanges = false;
    }

    private void Change(Action change)
    {
        change();
        HasChanges = true;
    }

    internal static ExamParticipant Rehydrate(Guid id, PortfolioId portfolioId, CandidateId candidateId, string organisationKey, AssessorId assessorId,
        DateTimeOffset enrolledAt, Assessment? assessment, AssessmentResult? result, string? overrideReason, Appeal? appeal, CertificateNumber? certificateNumber,
        int version, ParticipantStatus? status = null, string? statusNote = null, IEnumerable<Assessment>? history = null, int schemeVersion = 1,
        DateOnly? appealDeadline = null)
    {
        var participant = new ExamParticipant(id, portfolioId, candidateId, organisationKey, assessorId, enrolledAt)
        {
            SchemeVersion = schemeVersion,
            AppealDeadline = appealDeadline,
            Status = status ?? (result is not null ? ParticipantStatus.Decided : assessment is not null ? ParticipantStatus.Assessed : ParticipantStatus.Enrolled),
            StatusNote = statusNote,
            Assessment = assessment,
            Result = result,
            OverrideReason = overrideReason,
            Appeal = appeal,
            CertificateNumber = certificateNumber,
        };
        participant._history.AddRange(history ?? []);
        if (version > 0)
        {
            participant.MarkSaved(version);
        }

        return participant;
    }
}
