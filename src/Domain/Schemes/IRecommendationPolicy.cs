using Ardalis.GuardClauses;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Domain.Schemes;

/// <summary>How a scheme turns an assessment sheet into a K or BK recommendation; a named policy with parameters, chosen per scheme version.</summary>
public interface IRecommendationPolicy
{
    string Description { get; }

    AssessmentOutcome Recommend(AssessmentSheet sheet, PortfolioContents contents, CertificationScheme scheme);
}

/// <summary>
/// K only if the written score reaches <paramref name="WrittenPassMark"/>, the interview is K, and the portfolio passes:
/// the evidence passing all four VATM checks still meets every requirement, the average essay score reaches
/// <paramref name="MinAverageEssayScore"/> and no essay scores below <paramref name="MinEssayScore"/> (a portfolio with no essays to write passes those two).
/// </summary>
public sealed record StandardRecommendationPolicy(int WrittenPassMark, decimal MinAverageEssayScore = 3.0m, int MinEssayScore = 2) : IRecommendationPolicy
{
    public string Description =>
        $"written ≥ {WrittenPassMark}, interview K, portfolio K (VATM, essays averaging ≥ {MinAverageEssayScore:0.0#} with none below {MinEssayScore})";

    public AssessmentOutcome Recommend(AssessmentSheet sheet, PortfolioContents contents, CertificationScheme scheme)
    {
        Guard.Against.Null(sheet);
        Guard.Against.Null(contents);
        Guard.Against.Null(scheme);
        var written = sheet.WrittenScore >= WrittenPassMark;
        var interview = sheet.Interview.IsCompetent;
        var scores = sheet.EssayScores.Select(s => s.Score).ToList();
        var passing = sheet.EvidenceVerdicts.Where(v => v.Verdict.Passes).Select(v => v.EvidenceId).ToHashSet();
        var essaysPass = scheme.EssayCodesFor(contents.Purpose).Count == 0
            || (scores.Count > 0 && (decimal)scores.Sum() / scores.Count >= MinAverageEssayScore && scores.Min() >= MinEssayScore);
        var portfolio = scheme.UnmetRequirements(contents with { Evidence = contents.Evidence.Where(e => passing.Contains(e.Id)).ToList() }).Count == 0
            && essaysPass;
        return new AssessmentOutcome(
            AssessmentResult.Of(written),
            AssessmentResult.Of(interview),
            AssessmentResult.Of(portfolio),
            AssessmentResult.Of(written && interview && portfolio));
    }
}
