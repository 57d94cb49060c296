using Mediator;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Portfolios;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.DecideExam;

public sealed record PanelMemberInput(string? Name, Guid? AssessorId);

public sealed record OverrideInput(Guid? ParticipantId, string? Result, string? Reason);

/// <summary>
/// The plenary decision: confirms (or, with a written reason, overrides) every recommendation, closes the participants'
/// portfolios and issues a certificate for every K — all in one transaction.
/// </summary>
public sealed record DecideExam(Guid ExamId, string? DecreeNumber, IReadOnlyList<PanelMemberInput>? Panel, IReadOnlyList<OverrideInput>? Overrides,
    ExpectedVersions? ExpectedVersion = null) : ICommand<Result<ExamDecisionDto>>
{
    public const int MaxDecreeNumberLength = 100;

    public Result<(string DecreeNumber, IReadOnlyList<PanelMember> Panel, IReadOnlyList<ResultOverride> Overrides)> Parse()
    {
        var errors = new ErrorCollector();
        var decree = errors.Take(Text.Required(DecreeNumber, MaxDecreeNumberLength, "decision.decree-number-required"), "decreeNumber");
        if (Panel is null || Panel.Count == 0)
        {
            errors.Add(Error.Validation("decision.panel-required", "The plenary panel has at least one member."), "panel");
        }

        var panel = new List<PanelMember>();
        for (var i = 0; i < (Panel?.Count ?? 0); i++)
        {
            if (errors.Take(PersonName.Parse(Panel![i].Name, "panel.name-invalid"), $"panel[{i}].name") is { } name)
            {
                panel.Add(new PanelMember(name.Value, Panel[i].AssessorId is { } id ? new AssessorId(id) : null));
            }
        }

        var overrides = new List<ResultOverride>();
        for (var i = 0; i < (Overrides?.Count ?? 0); i++)
        {
            var o = Overrides![i];
            var present = errors.Require(o.ParticipantId, $"overrides[{i}].participantId");
            var result = errors.Take(AssessmentResult.FromCode(o.Result), $"overrides[{i}].result");
            var reason = errors.Take(Text.Multiline(o.Reason, ResultOverride.MaxReasonLength, "decision.override-reason-required"), $"overrides[{i}].reason");
            if (present && result is not null && reason is not null)
            {
                overrides.Add(new ResultOverride(o.ParticipantId!.Value, result, reason));
            }
        }

        if (overrides.Select(o => o.ParticipantId).Distinct().Count() != overrides.Count)
        {
            errors.Add(Error.Validation("decision.duplicate-override", "A participant is overridden at most once."), "overrides");
        }

        return errors.HasErrors ? errors.ToError() : (decree!, panel, overrides);
    }
}

public sealed class DecideExamHandler(ExamContext exams, IPortfolioRepository portfolios, PortfolioContext eligibility, CertificateIssuer issuer, TimeProvider clock)
    : ICommandHandler<DecideExam, Result<ExamDecisionDto>>
{
    public async ValueTask<Result<ExamDecisionDto>> Handle(DecideExam m, CancellationToken cancellationToken)
    {
        var input = m.Parse();
        if (input.IsFailure)
        {
            return input.Error!;
        }

        var exam = await exams.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        // The participants' portfolios first: a renewal's facts include the certificate it renews.
        var held = new List<Domain.Portfolios.Portfolio>();
        var facts = new Dictionary<CandidateId, Domain.Schemes.EligibilityContext>();
        foreach (var participant in exam.Value.TakingPart)
        {
            var portfolio = await portfolios.GetAsync(participant.PortfolioId, cancellationToken)
                ?? throw new InvalidOperationException("A participant's portfolio is missing.");
            held.Add(portfolio);
            facts[participant.CandidateId] = (await eligibility.EligibilityAsync(portfolio, cancellationToken)).Value;
        }

        var competent = exam.Value.Decide(input.Value.DecreeNumber, input.Value.Panel, input.Value.Overrides, exams.VersionsOf(exam.Value), facts, clock);
        if (competent.IsFailure)
        {
            return competent.Error!;
        }

        if (await ClosePortfoliosAsync(held, cancellationToken) is { IsFailure: true } notClosed)
        {
            return notClosed.Error!;
        }

        if (await issuer.IssueAllAsync(competent.Value, exam.Value, facts, cancellationToken) is { IsFailure: true } notIssued)
        {
            return notIssued.Error!;
        }

        return await exams.SaveAsync(exam.Value, ExamDecisionDto.From, cancellationToken);
    }

    private async Task<Result> ClosePortfoliosAsync(IEnumerable<Domain.Portfolios.Portfolio> held, CancellationToken cancellationToken)
    {
        foreach (var portfolio in held)
        {
            if (portfolio.Close(clock) is { IsFailure: true } notClosed)
            {
                return notClosed;
            }

            if (await portfolios.UpdateAsync(portfolio, cancellationToken) is { IsFailure: true } notSaved)
            {
                return notSaved;
            }
        }

        return Result.Success();
    }
}
