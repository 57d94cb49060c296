using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.Decide;

public sealed record PanelMemberInput(string? Name, Guid? AssessorId);

public sealed record OverrideInput(Guid? ParticipantId, string? Result, string? Reason);

public sealed record ParticipantResultDto(Guid ParticipantId, Guid CandidateId, string Recommendation, string Result, bool Overridden, string? OverrideReason, string? CertificateNumber);

public sealed record ExamDecisionDto(Guid ExamId, string Status, string DecreeNumber, DateTimeOffset DecidedAt, IReadOnlyList<ParticipantResultDto> Results, int Version)
    : Common.IVersioned
{
    public static ExamDecisionDto From(CompetencyExam exam) => new(
        exam.Id.Value, exam.Status.Code, exam.Decision!.DecreeNumber, exam.Decision.DecidedAt,
        exam.Participants.Select(p => new ParticipantResultDto(p.Id, p.CandidateId.Value, p.Assessment!.Outcome.Recommendation.Code, p.Result!.Code,
            p.OverrideReason is not null, p.OverrideReason, p.CertificateNumber?.Value)).ToList(),
        exam.Version);
}

/// <summary>
/// The plenary decision: confirms (or, with a written reason, overrides) every recommendation, closes the participants'
/// portfolios and issues a certificate for every K — all in one transaction.
/// </summary>
public sealed record DecideExam(Guid ExamId, string? DecreeNumber, IReadOnlyList<PanelMemberInput>? Panel, IReadOnlyList<OverrideInput>? Overrides,
    int? ExpectedVersion = null) : ICommand<Result<ExamDecisionDto>>
{
    public Result<(IReadOnlyList<PanelMember> Panel, IReadOnlyList<ResultOverride> Overrides)> Parse()
    {
        var errors = new ErrorCollector();
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
            if (present && result is not null)
            {
                overrides.Add(new ResultOverride(o.ParticipantId!.Value, result, o.Reason ?? string.Empty));
            }
        }

        return errors.HasErrors ? errors.ToError() : (panel, overrides);
    }
}

public sealed class DecideExamValidator : IValidator<DecideExam>
{
    public IReadOnlyList<Error> Validate(DecideExam m) => m.Parse() is { IsFailure: true } failed ? [failed.Error!] : [];
}

public sealed class DecideExamHandler(ExamCommand command, IPortfolioRepository portfolios, CertificateIssuer issuer, TimeProvider clock)
    : ICommandHandler<DecideExam, Result<ExamDecisionDto>>
{
    public async ValueTask<Result<ExamDecisionDto>> Handle(DecideExam m, CancellationToken cancellationToken)
    {
        var (panel, overrides) = m.Parse().Value;
        return await command.RunAsync(m.ExamId, m.ExpectedVersion, async (exam, _) =>
        {
            var decided = exam.Decide(m.DecreeNumber, panel, overrides, clock);
            if (decided.IsFailure)
            {
                return decided.Error!;
            }

            foreach (var participant in exam.Participants)
            {
                var portfolio = await portfolios.GetAsync(participant.PortfolioId, cancellationToken)
                    ?? throw new InvalidOperationException("A participant's portfolio is missing.");
                if (portfolio.Close(clock) is { IsFailure: true } notClosed)
                {
                    return notClosed;
                }

                if (await portfolios.UpdateAsync(portfolio, cancellationToken) is { IsFailure: true } notSaved)
                {
                    return notSaved;
                }
            }

            foreach (var competent in decided.Value)
            {
                if (await issuer.IssueAsync(competent, exam, cancellationToken) is { IsFailure: true } notIssued)
                {
                    return notIssued.Error!;
                }
            }

            return Result.Success();
        }, ExamDecisionDto.From, cancellationToken);
    }
}
