using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Portfolios.RemoveEvidence;

/// <summary>Removes an evidence item from an editable portfolio.</summary>
public sealed record RemoveEvidence(Guid PortfolioId, Guid EvidenceId, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>;

public sealed class RemoveEvidenceHandler(PortfolioContext portfolios, TimeProvider clock) : ICommandHandler<RemoveEvidence, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(RemoveEvidence message, CancellationToken cancellationToken)
    {
        var loaded = await portfolios.LoadAsync(message.PortfolioId, message.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        if (loaded.Value.Portfolio.RemoveEvidence(message.EvidenceId, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await portfolios.SaveAsync(loaded.Value, cancellationToken);
    }
}
