using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.ReassignParticipant;

/// <summary>Hands a participant not yet assessed to another of the exam's assessors (e.g. theirs fell ill), with a reason.</summary>
public sealed record ReassignParticipant(Guid ExamId, Guid ParticipantId, Guid? AssessorId, string? Reason, ExpectedVersions? ExpectedVersion = null)
    : ICommand<Result<ParticipantDto>>
{
    public Result<(AssessorId Assessor, Narrative Reason)> Parse()
    {
        var errors = new ErrorCollector();
        errors.Require(AssessorId, "assessorId");
        var reason = errors.Require(Reason, "reason") ? errors.Take(CompetencyExam.ParseReassignmentReason(Reason), "reason") : null;
        return errors.HasErrors ? errors.ToError() : (new AssessorId(AssessorId!.Value), reason!);
    }
}

public sealed class ReassignParticipantHandler(ExamContext exams, TimeProvider clock) : ICommandHandler<ReassignParticipant, Result<ParticipantDto>>
{
    public async ValueTask<Result<ParticipantDto>> Handle(ReassignParticipant m, CancellationToken cancellationToken)
    {
        var input = m.Parse();
        if (input.IsFailure)
        {
            return input.Error!;
        }

        var exam = await exams.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        var (assessor, reason) = input.Value;
        if (exam.Value.Reassign(m.ParticipantId, assessor, reason, SchemeFor(exam.Value, m.ParticipantId), clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await exams.SaveAsync(exam.Value, saved => ParticipantDto.From(saved, saved.FindParticipant(m.ParticipantId)!), cancellationToken);
    }

    private Domain.Schemes.CertificationScheme SchemeFor(CompetencyExam exam, Guid participantId) =>
        exam.FindParticipant(participantId) is { } participant ? exams.SchemeOf(exam, participant) : exams.SchemeOf(exam);
}
