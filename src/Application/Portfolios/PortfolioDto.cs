using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Portfolios;

public sealed record UnmetDto(string Code, string Message);

public sealed record EvidenceDto(Guid Id, string Kind, string Title, string? Description, DateOnly? DocumentDate, string? PmksCategory,
    IReadOnlyList<string> HelpingStages, string? ClientType)
{
    public static EvidenceDto From(Evidence e) => new(e.Id, e.Kind.Code, e.Title, e.Description, e.DocumentDate, e.PmksCategory?.Code,
        e.HelpingStages.Select(s => s.Code).ToList(), e.ClientType?.Code);
}

public sealed record EssayDto(string Code, string Text, int WordCount);

public sealed record PortfolioDto(
    Guid Id,
    Guid CandidateId,
    string SchemeCode,
    string? Specialisation,
    string Status,
    IReadOnlyList<EvidenceDto> Evidence,
    IReadOnlyList<EssayDto> Essays,
    IReadOnlyList<UnmetDto> Unmet,
    string? ReturnReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReviewedAt,
    int Version) : IVersioned;

public static class PortfolioErrors
{
    public static readonly Error NotFound = Error.NotFound("portfolio.not-found", "There is no portfolio with that id.");
}

/// <summary>
/// Loads what a portfolio's rules need (its candidate, the schemes they hold a valid certificate of) and builds the
/// portfolio's view with the live list of unmet requirements.
/// </summary>
public sealed class PortfolioContext(ICandidateRepository candidates, ICertificateRepository certificates, TimeProvider clock)
{
    public async Task<Result<EligibilityContext>> EligibilityAsync(CandidateId candidateId, CancellationToken cancellationToken)
    {
        var candidate = await candidates.GetAsync(candidateId, cancellationToken);
        if (candidate is null)
        {
            return CandidateErrors.NotFound;
        }

        var valid = await certificates.ValidSchemeCodesAsync(candidateId, clock.Today(), cancellationToken);
        return new EligibilityContext(candidate, valid);
    }

    public static PortfolioDto View(Portfolio p, CertificationScheme scheme, EligibilityContext eligibility) => new(
        p.Id.Value,
        p.CandidateId.Value,
        p.SchemeCode,
        p.Specialisation?.Code,
        p.Status.Code,
        p.Evidence.Select(EvidenceDto.From).ToList(),
        p.Essays.Select(e => new EssayDto(e.Code.Value, e.Text, e.WordCount)).ToList(),
        p.Status.IsEditable ? p.Unmet(scheme, eligibility).Select(u => new UnmetDto(u.Code, u.Message)).ToList() : [],
        p.ReturnReason,
        p.CreatedAt,
        p.SubmittedAt,
        p.ReviewedAt,
        p.Version);

    public async Task<Result<PortfolioDto>> ViewAsync(Portfolio portfolio, CancellationToken cancellationToken)
    {
        var scheme = SchemeCatalog.Find(portfolio.SchemeCode).Value;
        var eligibility = await EligibilityAsync(portfolio.CandidateId, cancellationToken);
        return eligibility.IsSuccess ? View(portfolio, scheme, eligibility.Value) : eligibility.Error!;
    }
}
