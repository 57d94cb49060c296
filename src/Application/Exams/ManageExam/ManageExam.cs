using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Assessors;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Exams.ManageExam;

/// <summary>Assigns a registered assessor to the exam.</summary>
public sealed record AssignExamAssessor(Guid ExamId, Guid? AssessorId, int? ExpectedVersion = null) : ICommand<Result<ExamDto>>;

/// <summary>Starts the exam: planned → in-progress.</summary>
public sealed record StartExam(Guid ExamId, int? ExpectedVersion = null) : ICommand<Result<ExamDto>>;

/// <summary>The calling assessor declares impartiality for the exam (required before assessing).</summary>
public sealed record DeclareImpartiality(Guid ExamId, string? Statement) : ICommand<Result<ExamDto>>;

public sealed class AssignExamAssessorValidator : IValidator<AssignExamAssessor>
{
    public IReadOnlyList<Error> Validate(AssignExamAssessor m)
    {
        var errors = new ErrorCollector();
        errors.Require(m.AssessorId, "assessorId");
        return errors.Errors;
    }
}

public sealed class ManageExamHandlers(ExamCommand command, IAssessorRepository assessors, ICurrentActor actor, TimeProvider clock) :
    ICommandHandler<AssignExamAssessor, Result<ExamDto>>,
    ICommandHandler<StartExam, Result<ExamDto>>,
    ICommandHandler<DeclareImpartiality, Result<ExamDto>>
{
    public async ValueTask<Result<ExamDto>> Handle(AssignExamAssessor m, CancellationToken cancellationToken) =>
        await command.RunAsync(m.ExamId, m.ExpectedVersion, async (exam, _) =>
        {
            var assessor = await assessors.GetAsync(new AssessorId(m.AssessorId!.Value), cancellationToken);
            return assessor is null ? AssessorErrors.NotFound with { Kind = ErrorKind.Rule } : exam.AssignAssessor(assessor, clock);
        }, ExamDto.From, cancellationToken);

    public async ValueTask<Result<ExamDto>> Handle(StartExam m, CancellationToken cancellationToken) =>
        await command.RunAsync(m.ExamId, m.ExpectedVersion, exam => exam.Start(clock), cancellationToken);

    public async ValueTask<Result<ExamDto>> Handle(DeclareImpartiality m, CancellationToken cancellationToken)
    {
        if (actor.AssessorId is not { } assessorId)
        {
            return Error.Forbidden("exam.assessor-only", "Only an assessor declares impartiality.");
        }

        // An assessor not assigned to the exam is told it does not exist, as when reading it.
        return await command.RunAsync(m.ExamId, null,
            exam => exam.IsAssigned(assessorId) ? exam.DeclareImpartiality(assessorId, m.Statement, clock) : ExamNotFound.Error, cancellationToken);
    }
}
