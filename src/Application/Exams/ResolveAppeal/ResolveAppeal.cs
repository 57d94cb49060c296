using Mediator;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.ResolveAppeal;

/// <summary>Resolves an appeal: upheld makes the result K and issues the certificate; dismissed keeps BK.</summary>
public sealed record ResolveAppeal(Guid ExamId, Guid ParticipantId, bool? Upheld, string? Note, ExpectedVersions? ExpectedVersion = null) : ICommand<Result<AppealStateDto>>
{
    public Result<(bool Upheld, Narrative Note)> Parse()
    {
        var errors = new ErrorCollector();
        errors.Require(Upheld, "upheld");
        var note = errors.Take(CompetencyExam.ParseAppealNote(Note), "note");
        return errors.HasErrors ? errors.ToError() : (Upheld!.Value, note!);
    }
}

public sealed class ResolveAppealHandler(ExamContext exams, CertificateIssuer issuer, TimeProvider clock) : ICommandHandler<ResolveAppeal, Result<AppealStateDto>>
{
    public async ValueTask<Result<AppealStateDto>> Handle(ResolveAppeal m, CancellationToken cancellationToken)
    {
        var input = m.Parse();
        var exam = await exams.LoadAsync(m.ExamId, m.ExpectedVersion, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        if (input.IsFailure)
        {
            return input.Error!;
        }

        var resolved = exam.Value.ResolveAppeal(m.ParticipantId, input.Value.Upheld, input.Value.Note, clock);
        if (resolved.IsFailure)
        {
            return resolved.Error!;
        }

        if (resolved.Value is { } competent && await issuer.IssueAsync(competent, exam.Value, null, cancellationToken) is { IsFailure: true } notIssued)
        {
            return notIssued.Error!;
        }

        return await exams.SaveAsync(exam.Value, saved => AppealStateDto.From(saved, m.ParticipantId), cancellationToken);
    }
}
