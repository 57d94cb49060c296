using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Portfolios.SubmitPortfolio;

/// <summary>Submits the portfolio: checks eligibility and every requirement, listing all that are unmet (422).</summary>
public sealed record SubmitPortfolio(Guid PortfolioId, int? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>;

public sealed class SubmitPortfolioHandler(PortfolioCommand command, TimeProvider clock) : ICommandHandler<SubmitPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(SubmitPortfolio message, CancellationToken cancellationToken) =>
        await command.RunAsync(message.PortfolioId, message.ExpectedVersion,
            (portfolio, scheme, eligibility) => portfolio.Submit(scheme, eligibility, clock), cancellationToken);
}
