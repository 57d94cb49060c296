using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Portfolios;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Exams.EnrolParticipant;

/// <summary>Enrols an accepted portfolio in the exam with one of the exam's assessors.</summary>
public sealed record EnrolParticipant(Guid ExamId, Guid? PortfolioId, Guid? AssessorId, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<ParticipantDto>>;

public sealed class EnrolParticipantValidator : IValidator<EnrolParticipant>
{
    public IReadOnlyList<Error> Validate(EnrolParticipant m)
    {
        var errors = new ErrorCollector();
        errors.Require(m.PortfolioId, "portfolioId");
        errors.Require(m.AssessorId, "assessorId");
        return errors.Errors;
    }
}

public sealed class EnrolParticipantHandler(ExamContext context, IExamRepository exams, IPortfolioRepository portfolios, PortfolioContext facts, TimeProvider clock)
    : ICommandHandler<EnrolParticipant, Result<ParticipantDto>>
{
    public async ValueTask<Result<ParticipantDto>> Handle(EnrolParticipant m, CancellationToken cancellationToken)
    {
        // Locked before anything is read, so a concurrent enrolment of this portfolio elsewhere is seen (one undecided exam per scheme).
        await portfolios.LockAsync(new PortfolioId(m.PortfolioId!.Value), cancellationToken);
        var exam = await context.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        var portfolio = await portfolios.GetAsync(new PortfolioId(m.PortfolioId!.Value), cancellationToken);
        if (portfolio is null)
        {
            return PortfolioErrors.NotFound with { Kind = ErrorKind.Rule };
        }

        var eligibility = await facts.EligibilityAsync(portfolio, cancellationToken);
        if (eligibility.IsFailure)
        {
            return eligibility.Error!;
        }

        var elsewhere = await exams.IsInUndecidedExamAsync(portfolio.CandidateId, exam.Value.SchemeCode, exam.Value.Id, cancellationToken);
        var participant = exam.Value.Enrol(portfolio, eligibility.Value, new AssessorId(m.AssessorId!.Value), portfolio.SchemeCode == exam.Value.SchemeCode ? context.Pinned(portfolio.SchemeCode, portfolio.SchemeVersion) : context.SchemeOf(exam.Value), elsewhere, clock);
        if (participant.IsFailure)
        {
            return participant.Error!;
        }

        return await context.SaveAsync(exam.Value, saved => ParticipantDto.From(saved, participant.Value), cancellationToken);
    }
}
