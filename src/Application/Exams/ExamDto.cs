using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams;

public sealed record ExamAssessorDto(Guid AssessorId, string Name, DateTimeOffset? ImpartialityDeclaredAt);

public sealed record ComponentsDto(string Written, string Interview, string Portfolio);

public sealed record EvidenceVerdictDto(Guid EvidenceId, bool Valid, bool Authentic, bool Current, bool Sufficient, string? Note);

public sealed record EssayScoreDto(string Code, int Score);

public sealed record AssessmentDto(int WrittenScore, string Interview, string? InterviewNotes, IReadOnlyList<EvidenceVerdictDto> EvidenceVerdicts,
    IReadOnlyList<EssayScoreDto> EssayScores, string Recommendation, ComponentsDto Components, DateTimeOffset AssessedAt)
{
    public static AssessmentDto From(Assessment a) => new(
        a.Sheet.WrittenScore,
        a.Sheet.Interview.Code,
        a.Sheet.InterviewNotes,
        a.Sheet.EvidenceVerdicts.Select(v => new EvidenceVerdictDto(v.EvidenceId, v.Verdict.Valid, v.Verdict.Authentic, v.Verdict.Current, v.Verdict.Sufficient, v.Note)).ToList(),
        a.Sheet.EssayScores.Select(s => new EssayScoreDto(s.Code.Value, s.Score)).ToList(),
        a.Outcome.Recommendation.Code,
        ComponentsOf(a.Outcome),
        a.AssessedAt);

    public static ComponentsDto ComponentsOf(AssessmentOutcome o) => new(o.Written.Code, o.Interview.Code, o.Portfolio.Code);
}

public sealed record AppealDto(string Reason, DateTimeOffset FiledAt, bool? Upheld, string? ResolutionNote, DateTimeOffset? ResolvedAt)
{
    public static AppealDto From(Appeal a) => new(a.Reason, a.FiledAt, a.Upheld, a.ResolutionNote, a.ResolvedAt);
}

public sealed record ParticipantDto(Guid Id, Guid ExamId, Guid PortfolioId, Guid CandidateId, Guid AssessorId, DateTimeOffset EnrolledAt,
    AssessmentDto? Assessment, string? Result, string? OverrideReason, AppealDto? Appeal, string? CertificateNumber)
{
    public static ParticipantDto From(CompetencyExam exam, ExamParticipant p) => new(p.Id, exam.Id.Value, p.PortfolioId.Value, p.CandidateId.Value, p.AssessorId.Value,
        p.EnrolledAt, p.Assessment is null ? null : AssessmentDto.From(p.Assessment), p.Result?.Code, p.OverrideReason,
        p.Appeal is null ? null : AppealDto.From(p.Appeal), p.CertificateNumber?.Value);
}

public sealed record PanelMemberDto(string Name, Guid? AssessorId);

public sealed record DecisionDto(string DecreeNumber, IReadOnlyList<PanelMemberDto> Panel, DateTimeOffset DecidedAt);

public sealed record ExamDto(Guid Id, string SchemeCode, string Title, string Venue, string RegionCode, DateOnly ScheduledOn, int Capacity, string Status,
    IReadOnlyList<ExamAssessorDto> Assessors, IReadOnlyList<ParticipantDto> Participants, DecisionDto? Decision, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, int Version) : IVersioned
{
    public static ExamDto From(CompetencyExam e) => new(
        e.Id.Value, e.SchemeCode, e.Title, e.Venue, e.Region.Value, e.ScheduledOn, e.Capacity, e.Status.Code,
        e.Assessors.Select(a => new ExamAssessorDto(a.AssessorId.Value, a.Name, e.Declarations.FirstOrDefault(d => d.AssessorId == a.AssessorId)?.DeclaredAt)).ToList(),
        e.Participants.Select(p => ParticipantDto.From(e, p)).ToList(),
        e.Decision is null ? null : new DecisionDto(e.Decision.DecreeNumber, e.Decision.Panel.Select(m => new PanelMemberDto(m.Name, m.AssessorId?.Value)).ToList(), e.Decision.DecidedAt),
        e.CreatedAt, e.StartedAt, e.Version);
}

public sealed record ExamSummaryDto(Guid Id, string SchemeCode, string Title, string Venue, string RegionCode, DateOnly ScheduledOn, int Capacity, string Status,
    int Participants, DateTimeOffset CreatedAt);

public sealed record ExamFilter(string? SchemeCode, string? Status, Guid? AssignedAssessorId);

public interface IExamQueries
{
    /// <summary>Exams newest first, at most <paramref name="page"/>.Limit + 1 rows.</summary>
    Task<IReadOnlyList<ExamSummaryDto>> ListAsync(ExamFilter filter, PageRequest page, CancellationToken cancellationToken);
}

public static class ExamNotFound
{
    public static readonly Error Error = Domain.Common.Error.NotFound("exam.not-found", "There is no exam with that id.");
}
