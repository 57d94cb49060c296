using System.Text.Json.Nodes;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Schemes;

/// <summary>One rule of a version: its type and parameters as published, with the code it reports and its description.</summary>
public sealed record RuleDto(string Type, JsonObject Parameters, string Code, string Description);

public sealed record EligibilityRouteDto(int Route, string Description, IReadOnlyList<RuleDto> Rules);

public sealed record PassMarksDto(int Written, string Interview, decimal EssayAverage, int EssayMinimum);

public sealed record SchemeEssayDto(string Code, string Title, int MinimumWords);

/// <summary>How a holder renews: the window around <c>validUntil</c>, the renewal route, its requirements and essays.</summary>
public sealed record RenewalDto(int OpensMonthsBefore, int GraceMonthsAfter, EligibilityRouteDto Eligibility, IReadOnlyList<RuleDto> PortfolioRequirements,
    IReadOnlyList<string> Essays);

/// <summary>
/// A scheme version as published: its rules as data (<c>{ type, parameters }</c>, which <c>POST /schemes/{code}/versions</c>
/// takes back) beside what they mean; <c>essays</c>, <c>essayMinimumWords</c> and <c>passMarks</c> are derived from them.
/// </summary>
public sealed record SchemeDto(
    string Code,
    string Name,
    string Level,
    string CertificatePrefix,
    int Version,
    DateTimeOffset EffectiveFrom,
    IReadOnlyList<EligibilityRouteDto> EligibilityRoutes,
    IReadOnlyList<RuleDto> PortfolioRequirements,
    RuleDto Recommendation,
    IReadOnlyList<string> Essays,
    IReadOnlyList<SchemeEssayDto> EssayDetails,
    int EssayMinimumWords,
    PassMarksDto? PassMarks,
    int ValidityYears,
    int AppealWindowDays,
    int AssessorLoadCap,
    int MaxParticipantsPerAssessor,
    bool RequiresSpecialisation,
    RenewalDto Renewal)
{
    public static SchemeDto From(SchemeVersionEntry entry)
    {
        var (s, d) = (entry.Scheme, entry.Definition);
        var renewal = d.Renewal!;
        return new(
            s.Code,
            s.Name,
            s.Level,
            s.CertificatePrefix,
            s.Version,
            s.EffectiveFrom,
            s.EligibilityRoutes.Select((r, i) => Route(r, d.EligibilityRoutes![i])).ToList(),
            Rules(s.PortfolioRequirements.Select(r => (r.Code, r.Description)), d.PortfolioRequirements ?? []),
            Rule(d.Recommendation!, d.Recommendation!.Type!, s.Recommendation.Description),
            s.EssayCodes.Select(c => c.Value).ToList(),
            s.Essays.Select(e => new SchemeEssayDto(e.Code.Value, e.Title, e.MinimumWords)).ToList(),
            s.EssayMinimumWords,
            s.Recommendation is StandardRecommendationPolicy p ? new PassMarksDto(p.WrittenPassMark, "k", p.MinAverageEssayScore, p.MinEssayScore) : null,
            s.ValidityYears,
            s.AppealWindowDays,
            s.MaxParticipantsPerAssessor,
            s.MaxParticipantsPerAssessor,
            s.RequiresSpecialisation,
            new RenewalDto(s.Renewal.OpensMonthsBefore, s.Renewal.GraceMonthsAfter, Route(s.Renewal.Route, renewal.Eligibility!),
                Rules(s.Renewal.Requirements.Select(r => (r.Code, r.Description)), renewal.PortfolioRequirements ?? []),
                s.EssayCodesFor(Domain.Portfolios.PortfolioPurpose.Renewal).Select(c => c.Value).ToList()));
    }

    private static EligibilityRouteDto Route(EligibilityRoute route, RouteInput input) =>
        new(route.Number, route.Description, Rules(route.Rules.Select(r => (r.Code, r.Description)), input.Rules!));

    private static List<RuleDto> Rules(IEnumerable<(string Code, string Description)> built, IReadOnlyList<RuleInput> inputs) =>
        built.Select((r, i) => Rule(inputs[i], r.Code, r.Description)).ToList();

    private static RuleDto Rule(RuleInput input, string code, string description) =>
        new(input.Type!, (JsonObject)(input.Parameters?.DeepClone() ?? new JsonObject()), code, description);
}
