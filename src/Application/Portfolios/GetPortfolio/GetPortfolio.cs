using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.GetPortfolio;

/// <summary>A portfolio; an assessor reads only the portfolios of their own participants (others are 404).</summary>
public sealed record GetPortfolio(Guid Id) : IQuery<Result<PortfolioDto>>;

public sealed class GetPortfolioHandler(IPortfolioRepository portfolios, AssessorPortfolioAccess access, PortfolioContext context)
    : IQueryHandler<GetPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(GetPortfolio query, CancellationToken cancellationToken)
    {
        var id = new PortfolioId(query.Id);
        if (!await access.MayReadAsync(id, cancellationToken))
        {
            return PortfolioErrors.NotFound;
        }

        var portfolio = await portfolios.GetAsync(id, cancellationToken);
        return portfolio is null ? PortfolioErrors.NotFound : await context.ViewAsync(portfolio, cancellationToken);
    }
}
