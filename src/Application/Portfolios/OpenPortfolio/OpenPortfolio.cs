using Mediator;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Reference;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Portfolios.OpenPortfolio;

/// <summary>
/// Opens a draft portfolio for a candidate and a scheme (Spesialis also names a specialisation category): an initial
/// one, or a renewal of the candidate's active certificate of the scheme inside its renewal window.
/// </summary>
public sealed record OpenPortfolio(Guid? CandidateId, string? SchemeCode, string? Specialisation, string? Purpose = null) : ICommand<Result<PortfolioDto>>
{
    /// <summary>The request against the schemes in force <paramref name="now"/> (the portfolio is pinned to that version).</summary>
    public Result<(CandidateId Candidate, CertificationScheme Scheme, PmksCategory? Specialisation, PortfolioPurpose Purpose)> Parse(ISchemeCatalog schemes, DateTimeOffset now)
    {
        var errors = new ErrorCollector();
        errors.Require(CandidateId, "candidateId");
        var scheme = errors.Require(SchemeCode, "schemeCode") ? errors.Take(schemes.CurrentOrInvalid(SchemeCode, now), "schemeCode") : null;

        var specialisation = Specialisation is null ? null : errors.Take(PmksCategory.FromCode(Specialisation), "specialisation");
        var purpose = Purpose is null ? PortfolioPurpose.Initial : errors.Take(PortfolioPurpose.FromCode(Purpose), "purpose");
        return errors.HasErrors ? errors.ToError() : (new CandidateId(CandidateId!.Value), scheme!, specialisation, purpose!);
    }
}

public sealed class OpenPortfolioHandler(IPortfolioRepository portfolios, ICertificateRepository certificates, PortfolioContext context, ISchemeCatalog schemes, TimeProvider clock)
    : ICommandHandler<OpenPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(OpenPortfolio command, CancellationToken cancellationToken)
    {
        var parsed = command.Parse(schemes, clock.GetUtcNow());
        if (parsed.IsFailure)
        {
            return parsed.Error!;
        }

        var (candidateId, scheme, specialisation, purpose) = parsed.Value;
        var eligibility = await context.EligibilityAsync(candidateId, cancellationToken);
        if (eligibility.IsFailure)
        {
            // The request is well-formed; the candidate it names does not exist (422, as for every id a body names).
            return eligibility.Error! == CandidateErrors.NotFound ? CandidateErrors.NotFound with { Kind = ErrorKind.Rule } : eligibility.Error!;
        }

        var open = await portfolios.HasOpenPortfolioAsync(candidateId, scheme.Code, cancellationToken);
        var renewing = purpose == PortfolioPurpose.Renewal ? await certificates.RenewableAsync(candidateId, scheme.Code, cancellationToken) : null;
        var portfolio = purpose == PortfolioPurpose.Renewal
            ? Portfolio.OpenRenewal(eligibility.Value.Candidate, scheme, specialisation, open, renewing, clock)
            : Portfolio.Open(eligibility.Value.Candidate, scheme, specialisation, open, eligibility.Value.Holds(scheme.Code), clock);
        if (portfolio.IsFailure)
        {
            return portfolio.Error!;
        }

        var saved = await portfolios.AddAsync(portfolio.Value, cancellationToken);
        return saved.IsSuccess ? PortfolioDto.From(portfolio.Value, scheme, eligibility.Value with { Renewing = renewing }) : saved.Error!;
    }
}
