using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Exams;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios;

/// <summary>Who reads a portfolio and its files: admins, and the assessor of a participant holding it (from enrolment on); other assessors see nothing.</summary>
public sealed class AssessorPortfolioAccess(IExamRepository exams, ICurrentActor actor)
{
    public async Task<bool> MayReadAsync(PortfolioId portfolio, CancellationToken cancellationToken) =>
        actor.Role != Roles.Assessor || (actor.AssessorId is { } me && await exams.IsAssessorOfPortfolioAsync(me, portfolio, cancellationToken));
}
