using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Exams;

/// <summary>How an assessment sheet becomes a K or BK recommendation under a scheme's pass marks.</summary>
public static class AssessmentRecommendation
{
    /// <summary>
    /// K only if the written score reaches the pass mark, the interview is K, the evidence items passing all four VATM
    /// checks still meet every portfolio requirement of the scheme, the average essay score reaches the scheme's (3.0)
    /// and no essay scores below its minimum (2).
    /// </summary>
    public static AssessmentOutcome Recommend(AssessmentSheet sheet, PortfolioContents contents, CertificationScheme scheme)
    {
        Guard.Against.Null(sheet);
        Guard.Against.Null(contents);
        Guard.Against.Null(scheme);
        var written = sheet.WrittenScore >= scheme.WrittenPassMark;
        var interview = sheet.Interview.IsCompetent;
        var scores = sheet.EssayScores.Select(s => s.Score).ToList();
        var passing = sheet.EvidenceVerdicts.Where(v => v.Verdict.Passes).Select(v => v.EvidenceId).ToHashSet();
        var essaysPass = scheme.EssayCodesFor(contents.Purpose).Count == 0
            || (scores.Count > 0 && (decimal)scores.Sum() / scores.Count >= scheme.EssayAveragePassScore && scores.Min() >= scheme.EssayMinimumScore);
        var portfolio = scheme.UnmetRequirements(contents with { Evidence = contents.Evidence.Where(e => passing.Contains(e.Id)).ToList() }).Count == 0
            && essaysPass;
        return new AssessmentOutcome(
            AssessmentResult.Of(written),
            AssessmentResult.Of(interview),
            AssessmentResult.Of(portfolio),
            AssessmentResult.Of(written && interview && portfolio));
    }

    /// <summary>Every evidence item of the portfolio has a verdict and every essay of the portfolio's purpose a score, and nothing else.</summary>
    public static Common.Result CheckCoverage(AssessmentSheet sheet, Portfolio portfolio, CertificationScheme scheme)
    {
        var errors = new List<Common.Error>();
        var evidenceIds = portfolio.Evidence.Select(e => e.Id).ToHashSet();
        var verdictIds = sheet.EvidenceVerdicts.Select(v => v.EvidenceId).ToHashSet();
        var missing = evidenceIds.Count(id => !verdictIds.Contains(id));
        if (missing > 0)
        {
            errors.Add(Common.Error.Validation("assessment.verdicts-incomplete", $"{missing} evidence item(s) have no VATM verdict; every item needs one."));
        }

        if (verdictIds.Any(id => !evidenceIds.Contains(id)))
        {
            errors.Add(Common.Error.Validation("assessment.unknown-evidence", "A verdict names evidence that is not in the participant's portfolio."));
        }

        var scored = sheet.EssayScores.Select(s => s.Code).ToHashSet();
        var essayCodes = scheme.EssayCodesFor(portfolio.Purpose);
        var unscored = essayCodes.Where(c => !scored.Contains(c)).ToList();
        if (unscored.Count > 0)
        {
            errors.Add(Common.Error.Validation("assessment.essay-scores-incomplete", $"Essays without a score: {string.Join(", ", unscored)}."));
        }

        if (scored.Any(c => !essayCodes.Contains(c)))
        {
            errors.Add(Common.Error.Validation("assessment.unknown-essay", "A score names an essay that is not in the scheme."));
        }

        return errors.Count > 0 ? Common.Error.ValidationFailed(errors) : Common.Result.Success();
    }
}
