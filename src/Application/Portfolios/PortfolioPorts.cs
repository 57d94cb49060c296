using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios;

public interface IPortfolioRepository
{
    Task<Portfolio?> GetAsync(PortfolioId id, CancellationToken cancellationToken);

    /// <summary>Holds the portfolio until the command commits: commands on one portfolio then run one after the other.</summary>
    Task LockAsync(PortfolioId id, CancellationToken cancellationToken);

    /// <summary>Whether the candidate has a portfolio for the scheme that is not closed.</summary>
    Task<bool> HasOpenPortfolioAsync(CandidateId candidateId, string schemeCode, CancellationToken cancellationToken);

    Task<Result> AddAsync(Portfolio portfolio, CancellationToken cancellationToken);

    Task<Result> UpdateAsync(Portfolio portfolio, CancellationToken cancellationToken);
}
