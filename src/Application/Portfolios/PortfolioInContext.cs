using Peksos.Clean.Domain.Portfolios;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Portfolios;

/// <summary>A portfolio with what its rules need: its scheme and its candidate's eligibility facts.</summary>
public sealed record PortfolioInContext(Portfolio Portfolio, CertificationScheme Scheme, EligibilityContext Eligibility);
