using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Portfolios.SubmitPortfolio;

/// <summary>Submits the portfolio: checks eligibility and every requirement, listing all that are unmet (422).</summary>
public sealed record SubmitPortfolio(Guid PortfolioId, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>;

public sealed class SubmitPortfolioHandler(PortfolioContext portfolios, TimeProvider clock) : ICommandHandler<SubmitPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(SubmitPortfolio message, CancellationToken cancellationToken)
    {
        var loaded = await portfolios.LoadAsync(message.PortfolioId, message.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        var (portfolio, scheme, eligibility) = loaded.Value;
        if (portfolio.Submit(scheme, eligibility, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await portfolios.SaveAsync(loaded.Value, cancellationToken);
    }
}
