using Mediator;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;

namespace Peksos.Clean.Application.Exams.Appeals;

public sealed record AppealStateDto(Guid ExamId, Guid ParticipantId, string Result, AppealDto Appeal, string? CertificateNumber, int Version) : Common.IVersioned
{
    public static AppealStateDto From(CompetencyExam exam, Guid participantId)
    {
        var p = exam.Participants.Single(x => x.Id == participantId);
        return new AppealStateDto(exam.Id.Value, p.Id, p.Result!.Code, AppealDto.From(p.Appeal!), p.CertificateNumber?.Value, exam.Version);
    }
}

/// <summary>Files the appeal (banding) of a BK participant, within the scheme's appeal window.</summary>
public sealed record FileAppeal(Guid ExamId, Guid ParticipantId, string? Reason, int? ExpectedVersion = null) : ICommand<Result<AppealStateDto>>;

/// <summary>Resolves an appeal: upheld makes the result K and issues the certificate; dismissed keeps BK.</summary>
public sealed record ResolveAppeal(Guid ExamId, Guid ParticipantId, bool? Upheld, string? Note, int? ExpectedVersion = null) : ICommand<Result<AppealStateDto>>;

public sealed class AppealHandlers(ExamCommand command, CertificateIssuer issuer, TimeProvider clock) :
    ICommandHandler<FileAppeal, Result<AppealStateDto>>,
    ICommandHandler<ResolveAppeal, Result<AppealStateDto>>
{
    public async ValueTask<Result<AppealStateDto>> Handle(FileAppeal m, CancellationToken cancellationToken) =>
        await command.RunAsync(m.ExamId, m.ExpectedVersion,
            (exam, scheme) => Task.FromResult(exam.FileAppeal(m.ParticipantId, m.Reason, scheme, clock)),
            exam => AppealStateDto.From(exam, m.ParticipantId), cancellationToken);

    public async ValueTask<Result<AppealStateDto>> Handle(ResolveAppeal m, CancellationToken cancellationToken) =>
        await command.RunAsync(m.ExamId, m.ExpectedVersion, async (exam, _) =>
        {
            var resolved = exam.ResolveAppeal(m.ParticipantId, m.Upheld, m.Note, clock);
            if (resolved.IsFailure)
            {
                return resolved.Error!;
            }

            return resolved.Value is { } competent && await issuer.IssueAsync(competent, exam, cancellationToken) is { IsFailure: true } notIssued
                ? notIssued.Error!
                : Result.Success();
        }, exam => AppealStateDto.From(exam, m.ParticipantId), cancellationToken);
}
