using Mediator;
using Peksos.Clean.Application.Candidates;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Reference;

namespace Peksos.Clean.Application.Exams.ExportBnspReport;

/// <summary>One decided participant as BNSP's participant list asks: the NIK in full (the one audited place it leaves the system).</summary>
public sealed record BnspRow(int No, string Nik, string FullName, string Sex, DateOnly BirthDate, string Education, string Employer, string Province, string Scheme,
    string Result, string? CertificateNumber, string DecreeNumber);

/// <summary>The BNSP report of a decided exam: every decided participant (absent and withdrawn ones are not listed); each export is audited.</summary>
public sealed record ExportBnspReport(Guid ExamId) : ICommand<Result<IReadOnlyList<BnspRow>>>;

public sealed class ExportBnspReportHandler(ExamContext exams, ICandidateRepository candidates, ISchemeCatalog schemes, ChangeTracker tracker, TimeProvider clock)
    : ICommandHandler<ExportBnspReport, Result<IReadOnlyList<BnspRow>>>
{
    public async ValueTask<Result<IReadOnlyList<BnspRow>>> Handle(ExportBnspReport m, CancellationToken cancellationToken)
    {
        var exam = await exams.LoadAsync(m.ExamId, null, cancellationToken);
        if (exam.IsFailure)
        {
            return exam.Error!;
        }

        if (exam.Value.Decision is not { } decision)
        {
            return Error.Conflict("exam.not-decided", "The BNSP report lists the results of a decided exam; this one is not decided yet.");
        }

        var now = clock.GetUtcNow();
        var rows = new List<BnspRow>();
        foreach (var participant in exam.Value.Participants.Where(p => p.Result is not null))
        {
            var candidate = await candidates.GetAsync(participant.CandidateId, cancellationToken) ?? throw new InvalidOperationException("A participant's candidate is missing.");
            var p = candidate.Profile;
            rows.Add(new BnspRow(rows.Count + 1, p.Nik.Value, p.FullName.Value, p.Sex == Domain.Candidates.Sex.Female ? "P" : "L", p.BirthDate,
                $"{p.Education.Level.Code} {p.Education.Field.Code}", p.Employment.Organisation,
                Regions.FindProvince(p.Employment.Region.ProvinceCode)?.Name ?? p.Employment.Region.ProvinceCode,
                schemes.NameOf(exam.Value.SchemeCode, now), participant.Result!.IsCompetent ? "K" : "BK", participant.CertificateNumber?.Value, decision.DecreeNumber));
        }

        tracker.Note(new BnspReportExported(exam.Value.Id, rows.Count, now));
        return rows;
    }
}

public sealed record BnspReportExported(ExamId ExamId, int Participants, DateTimeOffset OccurredAt) : IDomainEvent;
