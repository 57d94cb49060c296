using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Portfolios.DeleteEvidenceFile;

/// <summary>Removes a file from an evidence item of an editable portfolio; its blob goes once the change commits.</summary>
public sealed record DeleteEvidenceFile(Guid PortfolioId, Guid EvidenceId, Guid FileId, ExpectedVersions? ExpectedVersion = null) : ICommand<Result>;

public sealed class DeleteEvidenceFileHandler(PortfolioContext portfolios, TimeProvider clock) : ICommandHandler<DeleteEvidenceFile, Result>
{
    public async ValueTask<Result> Handle(DeleteEvidenceFile m, CancellationToken cancellationToken)
    {
        var loaded = await portfolios.LoadAsync(m.PortfolioId, m.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        if (loaded.Value.Portfolio.RemoveFile(m.EvidenceId, m.FileId, clock) is { IsFailure: true } refused)
        {
            return refused;
        }

        var saved = await portfolios.SaveAsync(loaded.Value, cancellationToken);
        return saved.IsSuccess ? Result.Success() : saved.Error!;
    }
}
