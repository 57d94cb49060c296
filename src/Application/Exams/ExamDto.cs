using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams;

public sealed record ExamAssessorDto(Guid AssessorId, string Name, DateTimeOffset? ImpartialityDeclaredAt);

public sealed record PanelMemberDto(string Name, Guid? AssessorId);

public sealed record DecisionDto(string DecreeNumber, IReadOnlyList<PanelMemberDto> Panel, DateTimeOffset DecidedAt, DateOnly AppealDeadline);

public sealed record ExamDto(Guid Id, string SchemeCode, string Title, string Venue, string RegionCode, DateOnly ScheduledOn, int Capacity, string Status,
    IReadOnlyList<ExamAssessorDto> Assessors, IReadOnlyList<ParticipantDto> Participants, DecisionDto? Decision, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, int Version) : IVersioned
{
    public static ExamDto From(CompetencyExam e) => From(e, null);

    /// <summary>The exam, with <paramref name="toJudge"/> (by participant) shown on the participants it names.</summary>
    public static ExamDto From(CompetencyExam e, IReadOnlyDictionary<Guid, ToJudgeDto>? toJudge) => new(
        e.Id.Value, e.SchemeCode, e.Title, e.Venue, e.Region.Value, e.ScheduledOn, e.Capacity, e.Status.Code,
        e.Assessors.Select(a => new ExamAssessorDto(a.AssessorId.Value, a.Name, e.Declarations.FirstOrDefault(d => d.AssessorId == a.AssessorId)?.DeclaredAt)).ToList(),
        e.Participants.Select(p => ParticipantDto.From(e, p, toJudge?.GetValueOrDefault(p.Id))).ToList(),
        e.Decision is null ? null : new DecisionDto(e.Decision.DecreeNumber, e.Decision.Panel.Select(m => new PanelMemberDto(m.Name, m.AssessorId?.Value)).ToList(), e.Decision.DecidedAt, e.Decision.AppealDeadline),
        e.CreatedAt, e.StartedAt, e.Version);
}
