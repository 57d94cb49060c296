using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Portfolios.OpenPortfolio;

/// <summary>Opens a draft portfolio for a candidate and a scheme (Spesialis also names a specialisation category).</summary>
public sealed record OpenPortfolio(Guid? CandidateId, string? SchemeCode, string? Specialisation) : ICommand<Result<PortfolioDto>>;

public sealed class OpenPortfolioValidator : IValidator<OpenPortfolio>
{
    public IReadOnlyList<Error> Validate(OpenPortfolio message)
    {
        var errors = new ErrorCollector();
        errors.Require(message.CandidateId, "candidateId");
        if (errors.Require(message.SchemeCode, "schemeCode") && SchemeCatalog.Find(message.SchemeCode) is { IsFailure: true })
        {
            errors.Add(Error.Validation("scheme.invalid", $"schemeCode must be one of {string.Join(", ", SchemeCatalog.All.Select(s => s.Code))}."), "schemeCode");
        }

        if (message.Specialisation is not null)
        {
            errors.Take(PmksCategory.FromCode(message.Specialisation), "specialisation");
        }

        return errors.Errors;
    }
}

public sealed class OpenPortfolioHandler(IPortfolioRepository portfolios, PortfolioContext context, TimeProvider clock)
    : ICommandHandler<OpenPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(OpenPortfolio command, CancellationToken cancellationToken)
    {
        var scheme = SchemeCatalog.Find(command.SchemeCode).Value;
        var candidateId = new CandidateId(command.CandidateId!.Value);
        var eligibility = await context.EligibilityAsync(candidateId, cancellationToken);
        if (eligibility.IsFailure)
        {
            return eligibility.Error! == CandidateErrors.NotFound
                ? Error.Validation("candidate.not-found", "There is no candidate with that id.", "candidateId")
                : eligibility.Error!;
        }

        var open = await portfolios.HasOpenPortfolioAsync(candidateId, scheme.Code, cancellationToken);
        var specialisation = command.Specialisation is null ? null : PmksCategory.FromCode(command.Specialisation).Value;
        var portfolio = Portfolio.Open(eligibility.Value.Candidate, scheme, specialisation, open, clock);
        if (portfolio.IsFailure)
        {
            return portfolio.Error!;
        }

        var saved = await portfolios.AddAsync(portfolio.Value, cancellationToken);
        return saved.IsSuccess ? PortfolioContext.View(portfolio.Value, scheme, eligibility.Value) : saved.Error!;
    }
}
