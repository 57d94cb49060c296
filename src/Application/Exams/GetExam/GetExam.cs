using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.GetExam;

/// <summary>One exam with its participants, assessments and results. An assessor sees only exams they are assigned to.</summary>
public sealed record GetExam(Guid Id) : IQuery<Result<ExamDto>>;

public sealed class GetExamHandler(IExamRepository exams, ICurrentActor actor) : IQueryHandler<GetExam, Result<ExamDto>>
{
    public async ValueTask<Result<ExamDto>> Handle(GetExam query, CancellationToken cancellationToken)
    {
        var exam = await exams.GetAsync(new ExamId(query.Id), cancellationToken);
        if (exam is null || (actor.Role == Roles.Assessor && (actor.AssessorId is not { } me || !exam.IsAssigned(me))))
        {
            return ExamNotFound.Error;
        }

        return ExamDto.From(exam);
    }
}
