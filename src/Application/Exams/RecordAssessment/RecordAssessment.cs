using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Portfolios;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Exams.RecordAssessment;

/// <summary>The calling assessor records the assessment of one of their own participants.</summary>
public sealed record RecordAssessment(Guid ExamId, Guid ParticipantId, int? WrittenScore, string? Interview, string? InterviewNotes,
    IReadOnlyList<EvidenceVerdictInput>? EvidenceVerdicts, IReadOnlyList<EssayScoreInput>? EssayScores, string? AmendmentReason = null)
    : ICommand<Result<AssessmentOutcomeDto>>
{
    public Result<(AssessmentSheet Sheet, Narrative? AmendmentReason)> Parse()
    {
        var errors = new ErrorCollector();
        var written = errors.InRange(WrittenScore, "writtenScore", 0, AssessmentSheet.MaxWrittenScore, "assessment.written-score-invalid");
        var interview = errors.Take(AssessmentResult.FromCode(Interview), "interview");
        var notes = string.IsNullOrWhiteSpace(InterviewNotes)
            ? null
            : errors.Take(Text.Multiline(InterviewNotes, AssessmentSheet.MaxNotesLength, "assessment.notes-invalid"), "interviewNotes");
        var verdicts = ParseVerdicts(errors);
        var scores = ParseScores(errors);
        var amendment = string.IsNullOrWhiteSpace(AmendmentReason) ? null : errors.Take(CompetencyExam.ParseAmendmentReason(AmendmentReason), "amendmentReason");
        return errors.HasErrors ? errors.ToError() : (new AssessmentSheet(written!.Value, interview!, notes, verdicts, scores), amendment);
    }

    private List<EvidenceVerdict> ParseVerdicts(ErrorCollector errors)
    {
        var verdicts = new List<EvidenceVerdict>();
        for (var i = 0; i < (EvidenceVerdicts?.Count ?? 0); i++)
        {
            var v = EvidenceVerdicts![i];
            var field = $"evidenceVerdicts[{i}]";
            if (v.EvidenceId is null || v.Valid is null || v.Authentic is null || v.Current is null || v.Sufficient is null)
            {
                errors.Add(Error.Validation("assessment.verdict-incomplete", "A verdict names its evidenceId and all of valid, authentic, current and sufficient."), field);
                continue;
            }

            var note = string.IsNullOrWhiteSpace(v.Note)
                ? null
                : errors.Take(Text.Multiline(v.Note, AssessmentSheet.MaxVerdictNoteLength, "assessment.notes-invalid"), $"{field}.note");
            verdicts.Add(new EvidenceVerdict(v.EvidenceId.Value, new VatmVerdict(v.Valid.Value, v.Authentic.Value, v.Current.Value, v.Sufficient.Value), note));
        }

        if (verdicts.Select(v => v.EvidenceId).Distinct().Count() != verdicts.Count)
        {
            errors.Add(Error.Validation("assessment.duplicate-verdict", "Each evidence item gets one verdict."), "evidenceVerdicts");
        }

        return verdicts;
    }

    private List<EssayScore> ParseScores(ErrorCollector errors)
    {
        var scores = new List<EssayScore>();
        for (var i = 0; i < (EssayScores?.Count ?? 0); i++)
        {
            var (code, score) = EssayScores![i];
            var field = $"essayScores[{i}]";
            var parsedCode = errors.Take(EssayCode.Parse(code), $"{field}.code");
            if (score is null or < EssayScore.Min or > EssayScore.Max)
            {
                errors.Add(Error.Validation("assessment.essay-score-invalid", $"An essay score is {EssayScore.Min}–{EssayScore.Max}."), $"{field}.score");
                continue;
            }

            if (parsedCode is not null)
            {
                scores.Add(new EssayScore(parsedCode, score.Value));
            }
        }

        if (scores.Select(s => s.Code).Distinct().Count() != scores.Count)
        {
            errors.Add(Error.Validation("assessment.duplicate-essay-score", "Each essay gets one score."), "essayScores");
        }

        return scores;
    }
}

public sealed class RecordAssessmentHandler(ExamContext exams, IPortfolioRepository portfolios, ICurrentActor actor, TimeProvider clock)
    : ICommandHandler<RecordAssessment, Result<AssessmentOutcomeDto>>
{
    public async ValueTask<Result<AssessmentOutcomeDto>> Handle(RecordAssessment m, CancellationToken cancellationToken)
    {
        var parsed = m.Parse();
        if (parsed.IsFailure)
        {
            return parsed.Error!;
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
        var outcome = exam.Value.Assess(participant.Id, assessorId, parsed.Value.Sheet, portfolio, exams.SchemeOf(exam.Value, participant), parsed.Value.AmendmentReason, clock);
        if (outcome.IsFailure)
        {
            return outcome.Error!;
        }

        return await exams.SaveAsync(exam.Value, _ => new AssessmentOutcomeDto(participant.Id, outcome.Value.Recommendation.Code, AssessmentDto.ComponentsOf(outcome.Value)),
            cancellationToken);
    }
}
