using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.DeclareImpartiality;

/// <summary>The calling assessor declares impartiality for the exam (required before assessing).</summary>
public sealed record DeclareImpartiality(Guid ExamId, string? Statement) : ICommand<Result<ExamDto>>;

public sealed class DeclareImpartialityHandler(ExamContext exams, ICurrentActor actor, TimeProvider clock) : ICommandHandler<DeclareImpartiality, Result<ExamDto>>
{
    public async ValueTask<Result<ExamDto>> Handle(DeclareImpartiality m, CancellationToken cancellationToken)
    {
        if (actor.AssessorId is not { } assessorId)
        {
            return Error.Forbidden("exam.assessor-only", "Only an assessor declares impartiality.");
        }

        var statement = CompetencyExam.ParseImpartialityStatement(m.Statement);
        var exam = await exams.LoadAsync(m.ExamId, null, cancellationToken);
        if (exam.IsFailure || !exam.Value.IsAssigned(assessorId))
        {
            // An assessor not assigned to the exam is told it does not exist, as when reading it.
            return ExamNotFound.Error;
        }

        if (statement.IsFailure)
        {
            return statement.Error!.AtField("statement");
        }

        if (exam.Value.DeclareImpartiality(assessorId, statement.Value, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await exams.SaveAsync(exam.Value, ExamDto.From, cancellationToken);
    }
}
