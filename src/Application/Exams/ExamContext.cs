using Peksos.Clean.Application.Common;
using Peksos.Clean.Application.Schemes;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Schemes;

namespace Peksos.Clean.Application.Exams;

/// <summary>Loads an exam to change (with its scheme) and saves it: the two ends every exam command shares.</summary>
public sealed class ExamContext(IExamRepository exams, ISchemeCatalog schemes, TimeProvider clock)
{
    /// <summary>The exam: 404 when unknown, 412 when <paramref name="expectedVersion"/> is stale.</summary>
    public async Task<Result<CompetencyExam>> LoadAsync(Guid examId, ExpectedVersions? expectedVersion, CancellationToken cancellationToken) =>
        Versioning.ForChange(await exams.GetAsync(new ExamId(examId), cancellationToken), ExamNotFound.Error, expectedVersion);

    /// <summary>The exam's scheme in its version in force now (for what concerns the exam as a whole).</summary>
    public CertificationScheme SchemeOf(CompetencyExam exam) => schemes.Current(exam.SchemeCode, clock.GetUtcNow())!.Scheme;

    /// <summary>The scheme version a participant is judged under: their portfolio's.</summary>
    public CertificationScheme SchemeOf(CompetencyExam exam, ExamParticipant participant) => schemes.Pinned(exam.SchemeCode, participant.SchemeVersion);

    /// <summary>The exam's scheme by version, for the decision (each participant is decided under their own).</summary>
    public Func<int, CertificationScheme> VersionsOf(CompetencyExam exam) => version => schemes.Pinned(exam.SchemeCode, version);

    public CertificationScheme Pinned(string code, int version) => schemes.Pinned(code, version);

    /// <summary>Saves the changed exam and answers with <paramref name="view"/> of it (which then carries the new version).</summary>
    public async Task<Result<T>> SaveAsync<T>(CompetencyExam exam, Func<CompetencyExam, T> view, CancellationToken cancellationToken)
    {
        var saved = await exams.UpdateAsync(exam, cancellationToken);
        return saved.IsSuccess ? view(exam) : saved.Error!;
    }
}
