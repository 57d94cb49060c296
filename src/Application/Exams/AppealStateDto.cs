using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams;

/// <summary>A participant's result with their appeal (banding).</summary>
public sealed record AppealStateDto(Guid ExamId, Guid ParticipantId, string Result, AppealDto Appeal, string? CertificateNumber, int Version) : IVersioned
{
    public static AppealStateDto From(CompetencyExam exam, Guid participantId)
    {
        var p = exam.Participants.Single(x => x.Id == participantId);
        return new AppealStateDto(exam.Id.Value, p.Id, p.Result!.Code, AppealDto.From(p.Appeal!), p.CertificateNumber?.Value, exam.Version);
    }
}
