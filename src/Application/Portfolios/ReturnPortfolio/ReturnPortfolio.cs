using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.ReturnPortfolio;

/// <summary>The secretariat returns a submitted portfolio with a reason; the candidate edits and submits again.</summary>
public sealed record ReturnPortfolio(Guid PortfolioId, string? Reason, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>;

public sealed class ReturnPortfolioHandler(PortfolioContext portfolios, TimeProvider clock) : ICommandHandler<ReturnPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(ReturnPortfolio message, CancellationToken cancellationToken)
    {
        var reason = Portfolio.ParseReturnReason(message.Reason);
        if (reason.IsFailure)
        {
            return reason.Error!.AtField("reason");
        }

        var loaded = await portfolios.LoadAsync(message.PortfolioId, message.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        if (loaded.Value.Portfolio.Return(reason.Value, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await portfolios.SaveAsync(loaded.Value, cancellationToken);
    }
}
