using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Domain.Exams;

/// <summary>Who still takes part in the round: absences, withdrawals and removals (domain.md §11).</summary>
public sealed partial class CompetencyExam
{
    /// <summary>Participants still taking part (neither absent nor withdrawn).</summary>
    public IEnumerable<ExamParticipant> TakingPart => _participants.Where(p => p.Status.TakesPart);

    /// <summary>Marks a participant who did not come, while the exam is in progress: no result, no appeal used, the portfolio free again.</summary>
    public Result MarkAbsent(Guid participantId, Narrative? note, TimeProvider clock)
    {
        if (Check(new ExamIsInProgressRule(Status)) is { IsFailure: true } notInProgress)
        {
            return notInProgress;
        }

        if (FindParticipant(participantId) is not { } participant)
        {
            return ExamErrors.ParticipantNotFound;
        }

        if (Check(new ParticipantIsPendingRule(participant.Status, evenIfAssessed: false)) is { IsFailure: true } notPending)
        {
            return notPending;
        }

        var now = clock.GetUtcNow();
        participant.Leave(ParticipantStatus.Absent, note?.Value);
        Raise(new ParticipantMarkedAbsent(Id, participant.Id, participant.CandidateId, now));
        return Result.Success();
    }

    /// <summary>Withdraws a participant before the decision, with a reason: as absent, no result and no appeal used.</summary>
    public Result Withdraw(Guid participantId, Narrative reason, TimeProvider clock)
    {
        Guard.Against.Null(reason);
        if (Check(new ExamIsUndecidedRule(Status, "withdraw participants from")) is { IsFailure: true } decided)
        {
            return decided;
        }

        if (FindParticipant(participantId) is not { } participant)
        {
            return ExamErrors.ParticipantNotFound;
        }

        if (Check(new ParticipantIsPendingRule(participant.Status, evenIfAssessed: true)) is { IsFailure: true } notPending)
        {
            return notPending;
        }

        var now = clock.GetUtcNow();
        participant.Leave(ParticipantStatus.Withdrawn, reason.Value);
        Raise(new ParticipantWithdrawn(Id, participant.Id, participant.CandidateId, reason.Value, now));
        return Result.Success();
    }

    /// <summary>Removes a participant outright while the exam is still planned.</summary>
    public Result Remove(Guid participantId, TimeProvider clock)
    {
        if (Check(new ExamIsPlannedRule(Status)) is { IsFailure: true } notPlanned)
        {
            return notPlanned;
        }

        if (FindParticipant(participantId) is not { } participant)
        {
            return ExamErrors.ParticipantNotFound;
        }

        _participants.Remove(participant);
        _removed.Add(participant);
        HasExamChanges = true;
        Raise(new ParticipantRemoved(Id, participant.Id, participant.CandidateId, clock.GetUtcNow()));
        return Result.Success();
    }
}
