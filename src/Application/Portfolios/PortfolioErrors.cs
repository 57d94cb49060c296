using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Portfolios;

public static class PortfolioErrors
{
    public static readonly Error NotFound = Error.NotFound("portfolio.not-found", "There is no portfolio with that id.");
}
