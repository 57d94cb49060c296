namespace Peksos.Clean.Application.Candidates;

/// <summary>A candidate as a list shows them.</summary>
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
