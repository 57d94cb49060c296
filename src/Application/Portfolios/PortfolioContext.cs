using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Portfolios;

/// <summary>
/// Loads a portfolio with what its rules need (its scheme, its candidate, the schemes they hold a valid certificate
/// of) and saves it, answering with its view.
/// </summary>
public sealed class PortfolioContext(IPortfolioRepository portfolios, ICandidateRepository candidates, ICertificateRepository certificates, ISchemeCatalog schemes,
    IUnitOfWork unitOfWork, IBlobStore blobs, TimeProvider clock)
{
    /// <summary>The candidate's facts; for a renewal (<paramref name="renews"/>) with the renewed certificate as it stands now.</summary>
    public async Task<Result<EligibilityContext>> EligibilityAsync(CandidateId candidateId, CancellationToken cancellationToken, CertificateNumber? renews = null)
    {
        var candidate = await candidates.GetAsync(candidateId, cancellationToken);
        if (candidate is null)
        {
            return CandidateErrors.NotFound;
        }

        var (valid, held) = await certificates.SchemeHoldingsAsync(candidateId, clock.Today(), cancellationToken);
        var renewing = renews is null ? null
            : await certificates.RenewedAsync(renews, cancellationToken) ?? throw new InvalidOperationException("A renewal's certificate is missing.");
        return new EligibilityContext(candidate, valid, held, renewing);
    }

    /// <summary>The facts a portfolio's rules see: its candidate's, and its renewed certificate for a renewal.</summary>
    public Task<Result<EligibilityContext>> EligibilityAsync(Portfolio portfolio, CancellationToken cancellationToken) =>
        EligibilityAsync(portfolio.CandidateId, cancellationToken, portfolio.Renews);

    /// <summary>The portfolio to change: 404 when unknown, 412 when <paramref name="expectedVersion"/> is stale.</summary>
    public async Task<Result<PortfolioInContext>> LoadAsync(Guid portfolioId, ExpectedVersions? expectedVersion, CancellationToken cancellationToken)
    {
        var portfolio = Versioning.ForChange(await portfolios.GetAsync(new PortfolioId(portfolioId), cancellationToken), PortfolioErrors.NotFound, expectedVersion);
        return portfolio.IsSuccess ? await InContextAsync(portfolio.Value, cancellationToken) : portfolio.Error!;
    }

    /// <summary>Saves the changed portfolio and answers with its view; the blobs of files it dropped go once that commits.</summary>
    public async Task<Result<PortfolioDto>> SaveAsync(PortfolioInContext changed, CancellationToken cancellationToken)
    {
        foreach (var dropped in changed.Portfolio.DiscardedFiles.Select(f => f.BlobKey).ToList())
        {
            unitOfWork.AfterCommit(() => blobs.DeleteAsync(dropped, CancellationToken.None));
        }

        var saved = await portfolios.UpdateAsync(changed.Portfolio, cancellationToken);
        return saved.IsSuccess ? PortfolioDto.From(changed) : saved.Error!;
    }

    public async Task<Result<PortfolioDto>> ViewAsync(Portfolio portfolio, CancellationToken cancellationToken) =>
        (await InContextAsync(portfolio, cancellationToken)).Map(PortfolioDto.From);

    private async Task<Result<PortfolioInContext>> InContextAsync(Portfolio portfolio, CancellationToken cancellationToken)
    {
        var eligibility = await EligibilityAsync(portfolio, cancellationToken);
        return eligibility.IsSuccess
            ? new PortfolioInContext(portfolio, schemes.Pinned(portfolio.SchemeCode, portfolio.SchemeVersion), eligibility.Value)
            : eligibility.Error!;
    }
}
