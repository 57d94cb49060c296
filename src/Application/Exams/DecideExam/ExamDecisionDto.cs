using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.DecideExam;

public sealed record ParticipantResultDto(Guid ParticipantId, Guid CandidateId, string Status, string? Recommendation, string? Result, bool Overridden, string? OverrideReason,
    string? CertificateNumber, DateOnly? AppealDeadline);

/// <summary>The plenary's decision with each participant's final result and, for K, the certificate number.</summary>
public sealed record ExamDecisionDto(Guid ExamId, string Status, string DecreeNumber, DateTimeOffset DecidedAt, DateOnly AppealDeadline, IReadOnlyList<ParticipantResultDto> Results, int Version)
    : IVersioned
{
    public static ExamDecisionDto From(CompetencyExam exam) => new(
        exam.Id.Value, exam.Status.Code, exam.Decision!.DecreeNumber, exam.Decision.DecidedAt, exam.Decision.AppealDeadline,
        exam.Participants.Select(p => new ParticipantResultDto(p.Id, p.CandidateId.Value, p.Status.Code, p.Assessment?.Outcome.Recommendation.Code, p.Result?.Code,
            p.OverrideReason is not null, p.OverrideReason, p.CertificateNumber?.Value, exam.AppealDeadlineFor(p))).ToList(),
        exam.Version);
}
