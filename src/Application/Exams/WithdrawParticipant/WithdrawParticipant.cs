using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.WithdrawParticipant;

/// <summary>Withdraws a participant before the decision, with a reason: no result, no appeal used, the portfolio may enrol again.</summary>
public sealed record WithdrawParticipant(Guid ExamId, Guid ParticipantId, string? Reason, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<ParticipantDto>>
{
    public Result<Narrative> Parse()
    {
        var errors = new ErrorCollector();
        var reason = errors.Require(Reason, "reason") ? errors.Take(CompetencyExam.ParseWithdrawalReason(Reason), "reason") : null;
        return errors.HasErrors ? errors.ToError() : reason!;
    }
}

public sealed class WithdrawParticipantHandler(ExamContext exams, TimeProvider clock) : ICommandHandler<WithdrawParticipant, Result<ParticipantDto>>
{
    public async ValueTask<Result<ParticipantDto>> Handle(WithdrawParticipant m, CancellationToken cancellationToken)
    {
        var reason = m.Parse();
        if (reason.IsFailure)
        {
            return reason.Error!;
        }

        var exam = await exams.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        if (exam.Value.Withdraw(m.ParticipantId, reason.Value, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await exams.SaveAsync(exam.Value, saved => ParticipantDto.From(saved, saved.FindParticipant(m.ParticipantId)!), cancellationToken);
    }
}
