using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.AddEvidence;

/// <summary>Adds an evidence item (a case record, a letter, a diploma …) to an editable portfolio.</summary>
public sealed record AddEvidence(Guid PortfolioId, string? Kind, string? Title, string? Description, DateOnly? DocumentDate, string? PmksCategory,
    IReadOnlyList<string>? HelpingStages, string? ClientType, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<AddedEvidenceDto>>
{
    public Result<EvidenceDetails> Parse()
    {
        var errors = new ErrorCollector();
        var kind = errors.Take(EvidenceKind.FromCode(Kind), "kind");
        var title = errors.Take(Text.Required(Title, EvidenceDetails.MaxTitleLength, "evidence.title-invalid"), "title");
        var description = string.IsNullOrWhiteSpace(Description)
            ? null
            : errors.Take(Text.Multiline(Description, EvidenceDetails.MaxDescriptionLength, "evidence.description-invalid"), "description");
        var category = PmksCategory is null ? null : errors.Take(Domain.Reference.PmksCategory.FromCode(PmksCategory), "pmksCategory");
        var client = ClientType is null ? null : errors.Take(Domain.Portfolios.ClientType.FromCode(ClientType), "clientType");
        var stages = new List<HelpingStage>();
        for (var i = 0; i < (HelpingStages?.Count ?? 0); i++)
        {
            if (errors.Take(HelpingStage.FromCode(HelpingStages![i]), $"helpingStages[{i}]") is { } stage && !stages.Contains(stage))
            {
                stages.Add(stage);
            }
        }

        if (kind == EvidenceKind.CaseRecord)
        {
            RequireForCaseRecord(errors, PmksCategory, "pmksCategory", "A case record needs its PMKS category.");
            RequireForCaseRecord(errors, HelpingStages is { Count: > 0 } ? HelpingStages : null, "helpingStages", "A case record needs the helping stages it covers.");
            RequireForCaseRecord(errors, ClientType, "clientType", "A case record needs its client type.");
        }

        return errors.HasErrors
            ? errors.ToError()
            : new EvidenceDetails(kind!, title!, description, DocumentDate, category, stages.OrderBy(s => HelpingStage.All.ToList().IndexOf(s)).ToList(), client);
    }

    private static void RequireForCaseRecord(ErrorCollector errors, object? value, string field, string message)
    {
        if (value is null)
        {
            errors.Add(Error.Validation("evidence.case-record-incomplete", message), field);
        }
    }
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
        return saved.Map(portfolio => new AddedEvidenceDto(EvidenceDto.From(evidence.Value, []), portfolio));
    }
}
