using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Certificates;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Exams;
using Peksos.Clean.Domain.Portfolios;

namespace Peksos.Clean.Application.Abstractions;

public interface IPortfolioRepository
{
    Task<Portfolio?> GetAsync(PortfolioId id, CancellationToken cancellationToken);

    /// <summary>Whether the candidate has a portfolio for the scheme that is not closed.</summary>
    Task<bool> HasOpenPortfolioAsync(CandidateId candidateId, string schemeCode, CancellationToken cancellationToken);

    Task<Result> AddAsync(Portfolio portfolio, CancellationToken cancellationToken);

    Task<Result> UpdateAsync(Portfolio portfolio, CancellationToken cancellationToken);
}

public interface IAssessorRepository
{
    Task<Assessor?> GetAsync(AssessorId id, CancellationToken cancellationToken);

    /// <summary>Inserts; fails with <c>assessor.duplicate-registration-number</c> when the number is taken.</summary>
    Task<Result> AddAsync(Assessor assessor, CancellationToken cancellationToken);
}

public interface IExamRepository
{
    Task<CompetencyExam?> GetAsync(ExamId id, CancellationToken cancellationToken);

    /// <summary>Whether the candidate sits in an undecided exam of the scheme other than <paramref name="except"/>.</summary>
    Task<bool> IsInUndecidedExamAsync(CandidateId candidateId, string schemeCode, ExamId except, CancellationToken cancellationToken);

    Task<Result> AddAsync(CompetencyExam exam, CancellationToken cancellationToken);

    Task<Result> UpdateAsync(CompetencyExam exam, CancellationToken cancellationToken);
}

public interface ICertificateRepository
{
    Task<Certificate?> GetAsync(CertificateNumber number, CancellationToken cancellationToken);

    /// <summary>The schemes the candidate holds a certificate of that is active and not expired on <paramref name="today"/>.</summary>
    Task<IReadOnlyList<string>> ValidSchemeCodesAsync(CandidateId candidateId, DateOnly today, CancellationToken cancellationToken);

    /// <summary>Whether the candidate holds an active or suspended, unexpired certificate of the scheme.</summary>
    Task<bool> HoldsCertificateAsync(CandidateId candidateId, string schemeCode, DateOnly today, CancellationToken cancellationToken);

    /// <summary>
    /// The next serial for a prefix and year, allocated inside the command's transaction: serials never repeat and,
    /// because a rolled-back command rolls its allocation back too, never leave gaps.
    /// </summary>
    Task<int> NextSerialAsync(string prefix, int year, CancellationToken cancellationToken);

    Task<Result> AddAsync(Certificate certificate, string regionCode, CancellationToken cancellationToken);

    Task<Result> UpdateAsync(Certificate certificate, CancellationToken cancellationToken);
}

/// <summary>An API key as stored: only the hash of the key is kept.</summary>
public sealed record ApiKeyRecord(Guid Id, string Name, string Role, Guid? AssessorId, string KeyHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

public interface IApiKeyStore
{
    Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    Task<bool> RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>The roles of the API.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Assessor = "assessor";
    public const string Consumer = "consumer";

    public static readonly IReadOnlyList<string> All = [Admin, Assessor, Consumer];
}

/// <summary>Who is calling: the API key's name and role (and the assessor it belongs to, for assessor keys).</summary>
public interface ICurrentActor
{
    string Name { get; }

    string Role { get; }

    AssessorId? AssessorId { get; }
}
