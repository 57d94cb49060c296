using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Portfolios;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.GetExam;

/// <summary>One exam with its participants, assessments and results. An assessor sees only exams they are assigned to.</summary>
public sealed record GetExam(Guid Id) : IQuery<Result<ExamDto>>;

public sealed class GetExamHandler(IExamRepository exams, IPortfolioRepository portfolios, ICurrentActor actor) : IQueryHandler<GetExam, Result<ExamDto>>
{
    public async ValueTask<Result<ExamDto>> Handle(GetExam query, CancellationToken cancellationToken)
    {
        var exam = await exams.GetAsync(new ExamId(query.Id), cancellationToken);
        if (exam is null || (actor.Role == Roles.Assessor && (actor.AssessorId is not { } me || !exam.IsAssigned(me))))
        {
            return ExamNotFound.Error;
        }

        return actor.Role == Roles.Assessor ? ExamDto.From(exam, await ToJudgeAsync(exam, actor.AssessorId!.Value, cancellationToken)) : ExamDto.From(exam);
    }

    /// <summary>For the calling assessor's own participants still to be judged: the evidence ids and essay codes of each portfolio.</summary>
    private async Task<Dictionary<Guid, ToJudgeDto>> ToJudgeAsync(CompetencyExam exam, Domain.Assessors.AssessorId me, CancellationToken cancellationToken)
    {
        var toJudge = new Dictionary<Guid, ToJudgeDto>();
        foreach (var participant in exam.TakingPart.Where(p => p.AssessorId == me && p.Result is null))
        {
            if (await portfolios.GetAsync(participant.PortfolioId, cancellationToken) is { } portfolio)
            {
                toJudge[participant.Id] = new ToJudgeDto(portfolio.Evidence.Select(e => e.Id).ToList(), portfolio.Essays.Select(e => e.Code.Value).ToList());
            }
        }

        return toJudge;
    }
}
