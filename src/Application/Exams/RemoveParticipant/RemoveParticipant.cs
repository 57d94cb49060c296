using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Exams.RemoveParticipant;

/// <summary>Removes a participant outright while the exam is planned; the participant disappears from the exam.</summary>
public sealed record RemoveParticipant(Guid ExamId, Guid ParticipantId, ExpectedVersions? ExpectedVersion = null) : ICommand<Result>;

public sealed class RemoveParticipantHandler(ExamContext exams, TimeProvider clock) : ICommandHandler<RemoveParticipant, Result>
{
    public async ValueTask<Result> Handle(RemoveParticipant m, CancellationToken cancellationToken)
    {
        var exam = await exams.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        if (exam.Value.Remove(m.ParticipantId, clock) is { IsFailure: true } refused)
        {
            return refused;
        }

        return await exams.SaveAsync(exam.Value, _ => true, cancellationToken) is { IsFailure: true } notSaved ? notSaved.Error! : Result.Success();
    }
}
