using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Exams.StartExam;

/// <summary>Starts the exam: planned → in-progress.</summary>
public sealed record StartExam(Guid ExamId, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<ExamDto>>;

public sealed class StartExamHandler(ExamContext exams, TimeProvider clock) : ICommandHandler<StartExam, Result<ExamDto>>
{
    public async ValueTask<Result<ExamDto>> Handle(StartExam m, CancellationToken cancellationToken)
    {
        var exam = await exams.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        if (exam.Value.Start(clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await exams.SaveAsync(exam.Value, ExamDto.From, cancellationToken);
    }
}
