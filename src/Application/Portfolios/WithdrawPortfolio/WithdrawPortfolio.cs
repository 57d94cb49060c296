using Mediator;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Exams;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Portfolios.WithdrawPortfolio;

/// <summary>The candidate withdraws an open portfolio for good, with a reason; never while it sits in an undecided exam.</summary>
public sealed record WithdrawPortfolio(Guid PortfolioId, string? Reason, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<PortfolioDto>>
{
    public Result<Narrative> Parse()
    {
        var errors = new ErrorCollector();
        var reason = errors.Require(Reason, "reason") ? errors.Take(Portfolio.ParseWithdrawalReason(Reason), "reason") : null;
        return errors.HasErrors ? errors.ToError() : reason!;
    }
}

public sealed class WithdrawPortfolioHandler(PortfolioContext portfolios, IExamRepository exams, TimeProvider clock) : ICommandHandler<WithdrawPortfolio, Result<PortfolioDto>>
{
    public async ValueTask<Result<PortfolioDto>> Handle(WithdrawPortfolio message, CancellationToken cancellationToken)
    {
        var reason = message.Parse();
        if (reason.IsFailure)
        {
            return reason.Error!;
        }

        var loaded = await portfolios.LoadAsync(message.PortfolioId, message.ExpectedVersion, cancellationToken);
        if (loaded.IsFailure)
        {
            return loaded.Error!;
        }

        var portfolio = loaded.Value.Portfolio;
        var inExam = await exams.IsInUndecidedExamAsync(portfolio.CandidateId, portfolio.SchemeCode, new ExamId(Guid.Empty), cancellationToken);
        if (portfolio.Withdraw(reason.Value, inExam, clock) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        return await portfolios.SaveAsync(loaded.Value, cancellationToken);
    }
}
