using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Portfolios;

/// <summary>A portfolio with the live list of what submission still lacks (<see cref="Unmet"/>, while editable).</summary>
public sealed record PortfolioDto(
    Guid Id,
    Guid CandidateId,
    string SchemeCode,
    int SchemeVersion,
    string? Specialisation,
    string Purpose,
    string? Renews,
    string Status,
    IReadOnlyList<EvidenceDto> Evidence,
    IReadOnlyList<EssayDto> Essays,
    IReadOnlyList<UnmetDto> Unmet,
    string? ReturnReason,
    string? WithdrawalReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReviewedAt,
    int Version) : IVersioned
{
    public static PortfolioDto From(Portfolio p, CertificationScheme scheme, EligibilityContext eligibility) => new(
        p.Id.Value,
        p.CandidateId.Value,
        p.SchemeCode,
        p.SchemeVersion,
        p.Specialisation?.Code,
        p.Purpose.Code,
        p.Renews?.Value,
        p.Status.Code,
        p.Evidence.Select(e => EvidenceDto.From(e, p.FilesOf(e.Id))).ToList(),
        p.Essays.Select(e => new EssayDto(e.Code.Value, e.Text, e.WordCount)).ToList(),
        p.Status.IsEditable ? p.Unmet(scheme, eligibility).Select(u => new UnmetDto(u.Code, u.Message)).ToList() : [],
        p.ReturnReason,
        p.WithdrawalReason,
        p.CreatedAt,
        p.SubmittedAt,
        p.ReviewedAt,
        p.Version);

    public static PortfolioDto From(PortfolioInContext p) => From(p.Portfolio, p.Scheme, p.Eligibility);
}
