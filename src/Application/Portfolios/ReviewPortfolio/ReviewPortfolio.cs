using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Portfolios.ReviewPortfolio;

/// <summary>The secretariat accepts a submitted portfolio (it can then be enrolled in an exam).</summary>
public sealed record AcceptPortfolio(Guid PortfolioId, int? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>;

/// <summary>The secretariat returns a submitted portfolio with a reason; the candidate edits and submits again.</summary>
public sealed record ReturnPortfolio(Guid PortfolioId, string? Reason, int? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>;

public sealed class ReviewPortfolioHandlers(PortfolioCommand command, TimeProvider clock) :
    ICommandHandler<AcceptPortfolio, Result<PortfolioDto>>,
    ICommandHandler<ReturnPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(AcceptPortfolio message, CancellationToken cancellationToken) =>
        await command.RunAsync(message.PortfolioId, message.ExpectedVersion, (portfolio, _, _) => portfolio.Accept(clock), cancellationToken);

    public async ValueTask<Result<PortfolioDto>> Handle(ReturnPortfolio message, CancellationToken cancellationToken) =>
        await command.RunAsync(message.PortfolioId, message.ExpectedVersion, (portfolio, _, _) => portfolio.Return(message.Reason, clock), cancellationToken);
}
