using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Exams;

/// <summary>Loads an exam to change (with its scheme) and saves it: the two ends every exam command shares.</summary>
public sealed class ExamContext(IExamRepository exams)
{
    /// <summary>The exam: 404 when unknown, 412 when <paramref name="expectedVersion"/> is stale.</summary>
    public async Task<Result<CompetencyExam>> LoadAsync(Guid examId, ExpectedVersions? expectedVersion, CancellationToken cancellationToken) =>
        Versioning.ForChange(await exams.GetAsync(new ExamId(examId), cancellationToken), ExamNotFound.Error, expectedVersion);

    public static CertificationScheme SchemeOf(CompetencyExam exam) => SchemeCatalog.Find(exam.SchemeCode).Value;

    /// <summary>Saves the changed exam and answers with <paramref name="view"/> of it (which then carries the new version).</summary>
    public async Task<Result<T>> SaveAsync<T>(CompetencyExam exam, Func<CompetencyExam, T> view, CancellationToken cancellationToken)
    {
        var saved = await exams.UpdateAsync(exam, cancellationToken);
        return saved.IsSuccess ? view(exam) : saved.Error!;
    }
}
