using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Reference;

public sealed record RuleDto(string Code, string Description);

public sealed record EligibilityRouteDto(int Route, string Description, IReadOnlyList<RuleDto> Rules);

/// <summary>How a holder renews: the window around <c>validUntil</c>, the renewal route, its requirements and essays.</summary>
public sealed record RenewalDto(int OpensMonthsBefore, int GraceMonthsAfter, EligibilityRouteDto Eligibility, IReadOnlyList<RuleDto> PortfolioRequirements,
    IReadOnlyList<string> Essays);

public sealed record PassMarksDto(int Written, string Interview, decimal EssayAverage, int EssayMinimum);

public sealed record SchemeDto(
    string Code,
    string Name,
    string Level,
    string CertificatePrefix,
    IReadOnlyList<EligibilityRouteDto> EligibilityRoutes,
    IReadOnlyList<RuleDto> PortfolioRequirements,
    IReadOnlyList<string> Essays,
    int EssayMinimumWords,
    PassMarksDto PassMarks,
    int ValidityYears,
    int AppealWindowDays,
    int MaxParticipantsPerAssessor,
    bool RequiresSpecialisation,
    RenewalDto Renewal)
{
    public static SchemeDto From(CertificationScheme s) => new(
        s.Code,
        s.Name,
        s.Level,
        s.CertificatePrefix,
        s.EligibilityRoutes.Select(Route).ToList(),
        Rules(s.PortfolioRequirements),
        s.EssayCodes.Select(c => c.Value).ToList(),
        s.EssayMinimumWords,
        new PassMarksDto(s.WrittenPassMark, "k", s.EssayAveragePassScore, s.EssayMinimumScore),
        s.ValidityYears,
        s.AppealWindowDays,
        s.MaxParticipantsPerAssessor,
        s.RequiresSpecialisation,
        new RenewalDto(s.Renewal.OpensMonthsBefore, s.Renewal.GraceMonthsAfter, Route(s.Renewal.Route), Rules(s.Renewal.Requirements),
            s.Renewal.EssayCodes.Select(c => c.Value).ToList()));

    private static EligibilityRouteDto Route(EligibilityRoute r) => new(r.Number, r.Description, r.Rules.Select(x => new RuleDto(x.Code, x.Description)).ToList());

    private static List<RuleDto> Rules(IEnumerable<IPortfolioRequirement> requirements) => requirements.Select(r => new RuleDto(r.Code, r.Description)).ToList();
}
