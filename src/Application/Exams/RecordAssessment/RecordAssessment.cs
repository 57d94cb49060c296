using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Portfolios;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.RecordAssessment;

/// <summary>The calling assessor records the assessment of one of their own participants.</summary>
public sealed record RecordAssessment(Guid ExamId, Guid ParticipantId, int? WrittenScore, string? Interview, string? InterviewNotes,
    IReadOnlyList<EvidenceVerdictInput>? EvidenceVerdicts, IReadOnlyList<EssayScoreInput>? EssayScores) : ICommand<Result<AssessmentOutcomeDto>>
{
    public Result<AssessmentSheet> Parse() => AssessmentSheet.Create(
        WrittenScore,
        Interview,
        InterviewNotes,
        EvidenceVerdicts?.Select(v => (v.EvidenceId, v.Valid, v.Authentic, v.Current, v.Sufficient, v.Note)).ToList(),
        EssayScores?.Select(s => (s.Code, s.Score)).ToList());
}

public sealed class RecordAssessmentHandler(ExamContext exams, IPortfolioRepository portfolios, ICurrentActor actor, TimeProvider clock)
    : ICommandHandler<RecordAssessment, Result<AssessmentOutcomeDto>>
{
    public async ValueTask<Result<AssessmentOutcomeDto>> Handle(RecordAssessment m, CancellationToken cancellationToken)
    {
        var sheet = m.Parse();
        if (sheet.IsFailure)
        {
            return sheet.Error!;
        }

        if (actor.AssessorId is not { } assessorId)
        {
            return Error.Forbidden("exam.assessor-only", "Only the participant's assessor records an assessment.");
        }

        var exam = await exams.LoadAsync(m.ExamId, null, cancellationToken);
        if (exam.IsFailure || !exam.Value.IsAssigned(assessorId))
        {
            return ExamNotFound.Error;
        }

        if (exam.Value.FindParticipant(m.ParticipantId) is not { } participant)
        {
            return ExamErrors.ParticipantNotFound;
        }

        var portfolio = await portfolios.GetAsync(participant.PortfolioId, cancellationToken)
            ?? throw new InvalidOperationException("A participant's portfolio is missing.");
        var outcome = exam.Value.Assess(participant.Id, assessorId, sheet.Value, portfolio, ExamContext.SchemeOf(exam.Value), clock);
        if (outcome.IsFailure)
        {
            return outcome.Error!;
        }

        return await exams.SaveAsync(exam.Value, _ => new AssessmentOutcomeDto(participant.Id, outcome.Value.Recommendation.Code, AssessmentDto.ComponentsOf(outcome.Value)),
            cancellationToken);
    }
}
