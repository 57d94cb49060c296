using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Reference;

public sealed record RuleDto(string Code, string Description);

public sealed record EligibilityRouteDto(int Route, string Description, IReadOnlyList<RuleDto> Rules);

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
    bool RequiresSpecialisation)
{
    public static SchemeDto From(CertificationScheme s) => new(
        s.Code,
        s.Name,
        s.Level,
        s.CertificatePrefix,
        s.EligibilityRoutes.Select(r => new EligibilityRouteDto(r.Number, r.Description, r.Rules.Select(x => new RuleDto(x.Code, x.Description)).ToList())).ToList(),
        s.PortfolioRequirements.Select(r => new RuleDto(r.Code, r.Description)).ToList(),
        s.EssayCodes.Select(c => c.Value).ToList(),
        s.EssayMinimumWords,
        new PassMarksDto(s.WrittenPassMark, "k", s.EssayAveragePassScore, s.EssayMinimumScore),
        s.ValidityYears,
        s.AppealWindowDays,
        s.MaxParticipantsPerAssessor,
        s.RequiresSpecialisation);
}
