using Peksos.Clean.Application.Common;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Candidates;

/// <summary>
/// Protects NIKs at rest: an encrypted copy that only this system can read back, and a keyed blind index that
/// finds a candidate by NIK (and enforces one candidate per NIK) without storing the NIK itself.
/// </summary>
public interface INikProtector
{
    string BlindIndex(Nik nik);

    string Encrypt(Nik nik);

    Nik Decrypt(string protectedNik);
}

/// <summary>Candidates, loaded and saved whole.</summary>
public interface ICandidateRepository
{
    Task<Candidate?> GetAsync(CandidateId id, CancellationToken cancellationToken);

    Task<Candidate?> FindByNikAsync(Nik nik, CancellationToken cancellationToken);

    /// <summary>Inserts a new candidate; fails with <c>candidate.duplicate-nik</c> when the NIK is already registered.</summary>
    Task<Result> AddAsync(Candidate candidate, CancellationToken cancellationToken);

    /// <summary>Saves changes; fails with <c>concurrency.conflict</c> when someone else saved it first.</summary>
    Task<Result> UpdateAsync(Candidate candidate, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts many new candidates at once (roster import), skipping each one whose NIK is already registered; returns
    /// how many were skipped. Only the inserted candidates' events are recorded. The NIKs must differ from each other.
    /// </summary>
    Task<int> AddUnregisteredAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken);
}

public sealed record CandidateFilter(string? Q, string? RegionCode, string? EmploymentType);

/// <summary>Read side of candidates (lists are computed in SQL, not by loading aggregates).</summary>
public interface ICandidateQueries
{
    /// <summary>Candidates in registration order, <paramref name="page"/>.Limit + 1 rows at most.</summary>
    Task<IReadOnlyList<CandidateSummaryDto>> ListAsync(CandidateFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The last four digits of a candidate's NIK (all a masked NIK shows), without decrypting it.</summary>
    Task<string?> NikLastFourAsync(Guid candidateId, CancellationToken cancellationToken);
}

/// <summary>One data row of a roster file, as text, with the line it starts on (the header is line 1).</summary>
public sealed record RosterRow(int Line, string? Nik, string? FullName, string? BirthDate, string? Sex, string? Email, string? Phone,
    string? EducationLevel, string? EducationField, string? EmploymentType, string? Organisation, string? RegionCode, string? PracticeAreas);

/// <summary>Reads a roster CSV as a stream of rows (never the whole file in memory).</summary>
public interface IRosterReader
{
    /// <summary>
    /// The columns every roster has (api.md): <c>nik,fullName,birthDate,sex,email,phone,educationLevel,educationField,
    /// employmentType,organisation,regionCode,practiceAreas</c>.
    /// </summary>
    static readonly IReadOnlyList<string> Columns =
        ["nik", "fullName", "birthDate", "sex", "email", "phone", "educationLevel", "educationField", "employmentType", "organisation", "regionCode", "practiceAreas"];

    /// <summary>Fails with <c>import.header-invalid</c> naming the missing columns.</summary>
    Task<Result<IAsyncEnumerable<RosterRow>>> OpenAsync(Stream csv, CancellationToken cancellationToken);
}
