using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Exams;

/// <summary>Handing a participant to another of the exam's assessors, e.g. when theirs falls ill (domain.md §11).</summary>
public sealed partial class CompetencyExam
{
    /// <summary>
    /// Hands a participant not yet assessed to another assigned assessor, with a reason; the same conflict-of-interest
    /// and load rules as at enrolment apply, and the new assessor declares impartiality before assessing.
    /// </summary>
    public Result Reassign(Guid participantId, AssessorId assessorId, Narrative reason, CertificationScheme scheme, TimeProvider clock)
    {
        Guard.Against.Null(reason);
        EnsureScheme(scheme);
        if (Check(new ExamIsUndecidedRule(Status, "reassign participants in")) is { IsFailure: true } decided)
        {
            return decided;
        }

        if (FindParticipant(participantId) is not { } participant)
        {
            return ExamErrors.ParticipantNotFound;
        }

        var assessor = _assessors.FirstOrDefault(a => a.AssessorId == assessorId);
        var refused = FirstBroken(
            new ParticipantIsPendingRule(participant.Status, evenIfAssessed: false),
            new AnotherAssessorRule(participant.AssessorId, assessorId),
            new AssessorOfTheExamRule(assessor is not null))
            ?? AllBroken(CanTakeOneMore(assessor!, participant.CandidateOrganisationKey, scheme));
        if (refused is not null)
        {
            return refused;
        }

        var from = participant.AssessorId;
        participant.HandOver(assessorId);
        HasExamChanges = true; // the assessors' loads are exam-wide: a concurrent reassignment or enrolment must see this one
        Raise(new ParticipantReassigned(Id, participant.Id, participant.CandidateId, from, assessorId, reason.Value, clock.GetUtcNow()));
        return Result.Success();
    }
}
