using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.GetPortfolio;

public sealed record GetPortfolio(Guid Id) : IQuery<Result<PortfolioDto>>;

public sealed class GetPortfolioHandler(IPortfolioRepository portfolios, PortfolioContext context) : IQueryHandler<GetPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(GetPortfolio query, CancellationToken cancellationToken)
    {
        var portfolio = await portfolios.GetAsync(new PortfolioId(query.Id), cancellationToken);
        return portfolio is null ? PortfolioErrors.NotFound : await context.ViewAsync(portfolio, cancellationToken);
    }
}
