using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Portfolios;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.GetParticipantPortfolio;

/// <summary>The portfolio a participant is assessed on; an assessor reads only their own participants' (others are 404).</summary>
public sealed record GetParticipantPortfolio(Guid ExamId, Guid ParticipantId) : IQuery<Result<PortfolioDto>>;

public sealed class GetParticipantPortfolioHandler(IExamRepository exams, IPortfolioRepository portfolios, PortfolioContext context, ICurrentActor actor)
    : IQueryHandler<GetParticipantPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(GetParticipantPortfolio query, CancellationToken cancellationToken)
    {
        var exam = await exams.GetAsync(new ExamId(query.ExamId), cancellationToken);
        var assessor = actor.Role == Roles.Assessor ? actor.AssessorId : null;
        if (exam is null || (actor.Role == Roles.Assessor && (assessor is null || !exam.IsAssigned(assessor.Value))))
        {
            return ExamNotFound.Error;
        }

        if (exam.FindParticipant(query.ParticipantId) is not { } participant || (assessor is { } me && participant.AssessorId != me))
        {
            return ExamErrors.ParticipantNotFound;
        }

        var portfolio = await portfolios.GetAsync(participant.PortfolioId, cancellationToken);
        return portfolio is null ? PortfolioErrors.NotFound : await context.ViewAsync(portfolio, cancellationToken);
    }
}
