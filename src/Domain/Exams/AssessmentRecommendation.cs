using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Domain.Exams;

/// <summary>How an assessment sheet becomes a K or BK recommendation (the scheme's policy), and what a complete sheet covers.</summary>
public static class AssessmentRecommendation
{
    /// <summary>The scheme version's recommendation policy applied to the sheet.</summary>
    public static AssessmentOutcome Recommend(AssessmentSheet sheet, PortfolioContents contents, CertificationScheme scheme)
    {
        Guard.Against.Null(scheme);
        return scheme.Recommendation.Recommend(sheet, contents, scheme);
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
