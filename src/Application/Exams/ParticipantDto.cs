using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams;

public sealed record ParticipantDto(Guid Id, Guid ExamId, Guid PortfolioId, Guid CandidateId, Guid AssessorId, DateTimeOffset EnrolledAt, string Status, string? StatusNote,
    AssessmentDto? Assessment, string? Result, string? OverrideReason, AppealDto? Appeal, string? CertificateNumber, DateOnly? AppealDeadline,
    IReadOnlyList<AssessmentVersionDto> AssessmentHistory, ToJudgeDto? ToJudge = null)
{
    public static ParticipantDto From(CompetencyExam exam, ExamParticipant p, ToJudgeDto? toJudge = null) => new(p.Id, exam.Id.Value, p.PortfolioId.Value, p.CandidateId.Value, p.AssessorId.Value,
        p.EnrolledAt, p.Status.Code, p.StatusNote, p.Assessment is null ? null : AssessmentDto.From(p.Assessment), p.Result?.Code, p.OverrideReason,
        p.Appeal is null ? null : AppealDto.From(p.Appeal), p.CertificateNumber?.Value, exam.AppealDeadlineFor(p),
        p.AssessmentHistory.Select(AssessmentVersionDto.From).ToList(), toJudge);
}

/// <summary>What the participant's own assessor must give a verdict on: every evidence item and every essay of the portfolio.</summary>
public sealed record ToJudgeDto(IReadOnlyList<Guid> EvidenceIds, IReadOnlyList<string> EssayCodes);
