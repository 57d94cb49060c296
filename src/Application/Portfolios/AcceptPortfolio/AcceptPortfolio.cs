using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Portfolios.AcceptPortfolio;

/// <summary>The secretariat accepts a submitted portfolio, eligibility checked again (it can then be enrolled in an exam).</summary>
public sealed record AcceptPortfolio(Guid PortfolioId, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>;

public sealed class AcceptPortfolioHandler(PortfolioContext portfolios, TimeProvider clock) : ICommandHandler<AcceptPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(AcceptPortfolio message, CancellationToken cancellationToken)
    {
        var loaded = await portfolios.LoadAsync(message.PortfolioId, message.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        var (portfolio, scheme, eligibility) = loaded.Value;
        if (portfolio.Accept(scheme, eligibility, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await portfolios.SaveAsync(loaded.Value, cancellationToken);
    }
}
