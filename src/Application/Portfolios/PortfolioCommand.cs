using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Portfolios;

/// <summary>
/// The shape every portfolio command shares: load, check the caller's version, let the portfolio decide, save,
/// answer with the portfolio's view. Each use case supplies only the decision.
/// </summary>
public sealed class PortfolioCommand(IPortfolioRepository portfolios, PortfolioContext context)
{
    public async Task<Result<PortfolioDto>> RunAsync(
        Guid portfolioId, int? expectedVersion, Func<Portfolio, CertificationScheme, Domain.Schemes.EligibilityContext, Result> decide, CancellationToken cancellationToken)
    {
        var portfolio = await portfolios.GetAsync(new PortfolioId(portfolioId), cancellationToken);
        if (portfolio is null)
        {
            return PortfolioErrors.NotFound;
        }

        if (Versioning.Check(expectedVersion, portfolio) is { IsFailure: true } stale)
        {
            return stale.Error!;
        }

        var scheme = SchemeCatalog.Find(portfolio.SchemeCode).Value;
        var eligibility = await context.EligibilityAsync(portfolio.CandidateId, cancellationToken);
        if (eligibility.IsFailure)
        {
            return eligibility.Error!;
        }

        var decided = decide(portfolio, scheme, eligibility.Value);
        if (decided.IsFailure)
        {
            return decided.Error!;
        }

        var saved = await portfolios.UpdateAsync(portfolio, cancellationToken);
        return saved.IsSuccess ? PortfolioContext.View(portfolio, scheme, eligibility.Value) : saved.Error!;
    }
}
