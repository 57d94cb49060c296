using Mediator;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.AddEvidence;

/// <summary>Adds an evidence item (a case record, a letter, a diploma …) to an editable portfolio.</summary>
public sealed record AddEvidence(Guid PortfolioId, string? Kind, string? Title, string? Description, DateOnly? DocumentDate, string? PmksCategory,
    IReadOnlyList<string>? HelpingStages, string? ClientType, int? ExpectedVersion = null) : ICommand<Result<AddedEvidenceDto>>
{
    public Result<EvidenceDetails> Parse() => EvidenceDetails.Create(Kind, Title, Description, DocumentDate, PmksCategory, HelpingStages, ClientType);
}

public sealed class AddEvidenceHandler(PortfolioContext portfolios, TimeProvider clock) : ICommandHandler<AddEvidence, Result<AddedEvidenceDto>>
{
    public async ValueTask<Result<AddedEvidenceDto>> Handle(AddEvidence message, CancellationToken cancellationToken)
    {
        var details = message.Parse();
        if (details.IsFailure)
        {
            return details.Error!;
        }

        var loaded = await portfolios.LoadAsync(message.PortfolioId, message.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        var evidence = loaded.Value.Portfolio.AddEvidence(details.Value, clock);
        if (evidence.IsFailure)
        {
            return evidence.Error!;
        }

        var saved = await portfolios.SaveAsync(loaded.Value, cancellationToken);
        return saved.Map(portfolio => new AddedEvidenceDto(EvidenceDto.From(evidence.Value), portfolio));
    }
}
