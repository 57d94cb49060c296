using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.AddEvidence;

/// <summary>The new evidence item, with the portfolio it now sits in.</summary>
public sealed record AddedEvidenceDto(EvidenceDto Evidence, PortfolioDto Portfolio);

public sealed record AddEvidence(Guid PortfolioId, string? Kind, string? Title, string? Description, DateOnly? DocumentDate, string? PmksCategory,
    IReadOnlyList<string>? HelpingStages, string? ClientType, int? ExpectedVersion = null) : ICommand<Result<AddedEvidenceDto>>
{
    public Result<EvidenceDetails> ToDetails() => EvidenceDetails.Create(Kind, Title, Description, DocumentDate, PmksCategory, HelpingStages, ClientType);
}

public sealed class AddEvidenceValidator : IValidator<AddEvidence>
{
    public IReadOnlyList<Error> Validate(AddEvidence message) => message.ToDetails() is { IsFailure: true } failed ? [failed.Error!] : [];
}

public sealed class AddEvidenceHandler(PortfolioCommand command, TimeProvider clock) : ICommandHandler<AddEvidence, Result<AddedEvidenceDto>>
{
    public async ValueTask<Result<AddedEvidenceDto>> Handle(AddEvidence message, CancellationToken cancellationToken)
    {
        Evidence? added = null;
        var result = await command.RunAsync(message.PortfolioId, message.ExpectedVersion, (portfolio, _, _) =>
        {
            var evidence = portfolio.AddEvidence(message.ToDetails().Value, clock);
            added = evidence.IsSuccess ? evidence.Value : null;
            return evidence;
        }, cancellationToken);
        return result.Map(p => new AddedEvidenceDto(EvidenceDto.From(added!), p));
    }
}
