using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.FileAppeal;

/// <summary>Files the appeal (banding) of a BK participant, within the scheme's appeal window.</summary>
public sealed record FileAppeal(Guid ExamId, Guid ParticipantId, string? Reason, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<AppealStateDto>>;

public sealed class FileAppealHandler(ExamContext exams, TimeProvider clock) : ICommandHandler<FileAppeal, Result<AppealStateDto>>
{
    public async ValueTask<Result<AppealStateDto>> Handle(FileAppeal m, CancellationToken cancellationToken)
    {
        var reason = CompetencyExam.ParseAppealReason(m.Reason);
        if (reason.IsFailure)
        {
            return reason.Error!.AtField("reason");
        }

        var exam = await exams.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        if (exam.Value.FileAppeal(m.ParticipantId, reason.Value, exams.SchemeOf(exam.Value), clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await exams.SaveAsync(exam.Value, saved => AppealStateDto.From(saved, m.ParticipantId), cancellationToken);
    }
}
