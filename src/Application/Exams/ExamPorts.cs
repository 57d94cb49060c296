using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Exams;

public interface IExamRepository
{
    Task<CompetencyExam?> GetAsync(ExamId id, CancellationToken cancellationToken);

    /// <summary>Whether the candidate sits in an undecided exam of the scheme other than <paramref name="except"/>.</summary>
    Task<bool> IsInUndecidedExamAsync(CandidateId candidateId, string schemeCode, ExamId except, CancellationToken cancellationToken);

    /// <summary>Whether the assessor is assigned a participant (neither absent nor withdrawn) holding the portfolio.</summary>
    Task<bool> IsAssessorOfPortfolioAsync(AssessorId assessorId, PortfolioId portfolioId, CancellationToken cancellationToken);

    Task<Result> AddAsync(CompetencyExam exam, CancellationToken cancellationToken);

    /// <summary>
    /// Saves what changed: exam-wide changes fail with <c>concurrency.conflict</c> when someone else saved the exam first;
    /// a participant's change fails only when someone else saved that participant first.
    /// </summary>
    Task<Result> UpdateAsync(CompetencyExam exam, CancellationToken cancellationToken);
}

public sealed record ExamFilter(string? SchemeCode, string? Status, Guid? AssignedAssessorId);

public interface IExamQueries
{
    /// <summary>Exams newest first, at most <paramref name="page"/>.Limit + 1 rows.</summary>
    Task<IReadOnlyList<ExamSummaryDto>> ListAsync(ExamFilter filter, PageRequest page, CancellationToken cancellationToken);
}

/// <summary>Writes the participant list as the workbook BNSP receives.</summary>
public interface IBnspWorkbook
{
    Task WriteAsync(IReadOnlyList<ExportBnspReport.BnspRow> rows, Stream output, CancellationToken cancellationToken);
}
