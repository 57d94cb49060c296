using Mediator;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Portfolios.RemoveEvidence;

public sealed record RemoveEvidence(Guid PortfolioId, Guid EvidenceId, int? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>;

public sealed class RemoveEvidenceHandler(PortfolioCommand command, TimeProvider clock) : ICommandHandler<RemoveEvidence, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(RemoveEvidence message, CancellationToken cancellationToken) =>
        await command.RunAsync(message.PortfolioId, message.ExpectedVersion, (portfolio, _, _) => portfolio.RemoveEvidence(message.EvidenceId, clock), cancellationToken);
}
