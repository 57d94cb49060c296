using Peksos.Clean.Application.Common;

namespace Peksos.Clean.Application.Candidates;

public sealed record CandidateSummaryDto(
    Guid Id,
    string NikMasked,
    string FullName,
    string EmploymentType,
    string Organisation,
    string RegionCode,
    int PracticeHours,
    int TrainingHours,
    DateTimeOffset CreatedAt);

public sealed record CandidateFilter(string? Q, string? RegionCode, string? EmploymentType);

/// <summary>Read side of candidates (lists are computed in SQL, not by loading aggregates).</summary>
public interface ICandidateQueries
{
    /// <summary>Candidates in registration order, <paramref name="page"/>.Limit + 1 rows at most.</summary>
    Task<IReadOnlyList<CandidateSummaryDto>> ListAsync(CandidateFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The last four digits of a candidate's NIK (all a masked NIK shows), without decrypting it.</summary>
    Task<string?> NikLastFourAsync(Guid candidateId, CancellationToken cancellationToken);
}
