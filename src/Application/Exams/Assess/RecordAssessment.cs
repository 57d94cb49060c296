using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Exams.Assess;

public sealed record EvidenceVerdictInput(Guid? EvidenceId, bool? Valid, bool? Authentic, bool? Current, bool? Sufficient, string? Note);

public sealed record EssayScoreInput(string? Code, int? Score);

public sealed record AssessmentOutcomeDto(Guid ParticipantId, string Recommendation, ComponentsDto Components);

/// <summary>The calling assessor records the assessment of one of their own participants.</summary>
public sealed record RecordAssessment(Guid ExamId, Guid ParticipantId, int? WrittenScore, string? Interview, string? InterviewNotes,
    IReadOnlyList<EvidenceVerdictInput>? EvidenceVerdicts, IReadOnlyList<EssayScoreInput>? EssayScores) : ICommand<Result<AssessmentOutcomeDto>>
{
    public Result<AssessmentSheet> ToSheet() => AssessmentSheet.Create(
        WrittenScore,
        Interview,
        InterviewNotes,
        EvidenceVerdicts?.Select(v => (v.EvidenceId, v.Valid, v.Authentic, v.Current, v.Sufficient, v.Note)).ToList(),
        EssayScores?.Select(s => (s.Code, s.Score)).ToList());
}

public sealed class RecordAssessmentValidator : IValidator<RecordAssessment>
{
    public IReadOnlyList<Error> Validate(RecordAssessment m) => m.ToSheet() is { IsFailure: true } failed ? [failed.Error!] : [];
}

public sealed class RecordAssessmentHandler(ExamCommand command, IPortfolioRepository portfolios, ICurrentActor actor, TimeProvider clock)
    : ICommandHandler<RecordAssessment, Result<AssessmentOutcomeDto>>
{
    public async ValueTask<Result<AssessmentOutcomeDto>> Handle(RecordAssessment m, CancellationToken cancellationToken)
    {
        if (actor.AssessorId is not { } assessorId)
        {
            return Error.Forbidden("exam.assessor-only", "Only the participant's assessor records an assessment.");
        }

        AssessmentOutcome? outcome = null;
        return await command.RunAsync(m.ExamId, null, async (exam, scheme) =>
        {
            if (!exam.IsAssigned(assessorId))
            {
                return ExamNotFound.Error;
            }

            var participant = exam.Participants.FirstOrDefault(p => p.Id == m.ParticipantId);
            if (participant is null)
            {
                return ExamErrors.ParticipantNotFound;
            }

            var portfolio = await portfolios.GetAsync(participant.PortfolioId, cancellationToken)
                ?? throw new InvalidOperationException("A participant's portfolio is missing.");
            var assessed = exam.Assess(participant.Id, assessorId, m.ToSheet().Value, portfolio, scheme, clock);
            outcome = assessed.IsSuccess ? assessed.Value : null;
            return assessed;
        }, _ => new AssessmentOutcomeDto(m.ParticipantId, outcome!.Recommendation.Code, AssessmentDto.ComponentsOf(outcome)), cancellationToken);
    }
}
