using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Assessors;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Exams.AssignExamAssessor;

/// <summary>Assigns a registered assessor to the exam.</summary>
public sealed record AssignExamAssessor(Guid ExamId, Guid? AssessorId, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<ExamDto>>;

public sealed class AssignExamAssessorValidator : IValidator<AssignExamAssessor>
{
    public IReadOnlyList<Error> Validate(AssignExamAssessor m)
    {
        var errors = new ErrorCollector();
        errors.Require(m.AssessorId, "assessorId");
        return errors.Errors;
    }
}

public sealed class AssignExamAssessorHandler(ExamContext exams, IAssessorRepository assessors, TimeProvider clock) : ICommandHandler<AssignExamAssessor, Result<ExamDto>>
{
    public async ValueTask<Result<ExamDto>> Handle(AssignExamAssessor m, CancellationToken cancellationToken)
    {
        var exam = await exams.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        var assessor = await assessors.GetAsync(new AssessorId(m.AssessorId!.Value), cancellationToken);
        if (assessor is null)
        {
            return AssessorErrors.NotFound with { Kind = ErrorKind.Rule };
        }

        if (exam.Value.AssignAssessor(assessor, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await exams.SaveAsync(exam.Value, ExamDto.From, cancellationToken);
    }
}
