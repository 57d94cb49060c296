using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Exams;

/// <summary>
/// The shape every exam command shares: load, check the caller's version, let the exam decide (async for steps that
/// load more), save, then answer from the saved exam (so the answer carries the new version).
/// </summary>
public sealed class ExamCommand(IExamRepository exams)
{
    public Task<Result<ExamDto>> RunAsync(Guid examId, int? expectedVersion, Func<CompetencyExam, Result> decide, CancellationToken cancellationToken) =>
        RunAsync(examId, expectedVersion, (exam, _) => Task.FromResult(decide(exam)), ExamDto.From, cancellationToken);

    public async Task<Result<T>> RunAsync<T>(Guid examId, int? expectedVersion,
        Func<CompetencyExam, CertificationScheme, Task<Result>> decide, Func<CompetencyExam, T> view, CancellationToken cancellationToken)
    {
        var exam = await exams.GetAsync(new ExamId(examId), cancellationToken);
        if (exam is null)
        {
            return ExamNotFound.Error;
        }

        if (Versioning.Check(expectedVersion, exam) is { IsFailure: true } stale)
        {
            return stale.Error!;
        }

        var decided = await decide(exam, SchemeCatalog.Find(exam.SchemeCode).Value);
        if (decided.IsFailure)
        {
            return decided.Error!;
        }

        var saved = await exams.UpdateAsync(exam, cancellationToken);
        return saved.IsSuccess ? view(exam) : saved.Error!;
    }
}
