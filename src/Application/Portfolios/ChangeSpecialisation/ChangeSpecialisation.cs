using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Application.Portfolios.ChangeSpecialisation;

/// <summary>Sets or changes the PMKS specialisation of a Spesialis portfolio while it is editable.</summary>
public sealed record ChangeSpecialisation(Guid PortfolioId, string? Specialisation, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>
{
    public Result<PmksCategory> Parse()
    {
        var errors = new ErrorCollector();
        var specialisation = errors.Require(Specialisation, "specialisation") ? errors.Take(PmksCategory.FromCode(Specialisation), "specialisation") : null;
        return errors.HasErrors ? errors.ToError() : specialisation!;
    }
}

public sealed class ChangeSpecialisationHandler(PortfolioContext portfolios, TimeProvider clock) : ICommandHandler<ChangeSpecialisation, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(ChangeSpecialisation message, CancellationToken cancellationToken)
    {
        var specialisation = message.Parse();
        if (specialisation.IsFailure)
        {
            return specialisation.Error!;
        }

        var loaded = await portfolios.LoadAsync(message.PortfolioId, message.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        var (portfolio, scheme, _) = loaded.Value;
        if (portfolio.ChangeSpecialisation(specialisation.Value, scheme, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await portfolios.SaveAsync(loaded.Value, cancellationToken);
    }
}
