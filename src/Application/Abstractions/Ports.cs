using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Abstractions;

/// <summary>When a committed transaction is on disk.</summary>
public enum Durability
{
    /// <summary>The commit returns once the transaction is on disk (the default for every command).</summary>
    OnCommit,

    /// <summary>The commit may return first; a later durable commit covers it.</summary>
    Deferred,
}

/// <summary>
/// One transaction per command. The unit-of-work pipeline behaviour begins it before the handler and commits it
/// only when the handler succeeded; a failed result or an exception rolls everything back, so a failed command
/// changes no row.
/// </summary>
public interface IUnitOfWork
{
    /// <param name="durability">
    /// <see cref="Durability.Deferred"/> lets the commit return before the database has the transaction on disk (a power
    /// failure right after could lose it); the next durable commit on the same database makes it durable with it. Only
    /// for work that is safe to repeat and that ends with a durable commit before it reports success — the batches of a
    /// roster import.
    /// </param>
    Task BeginAsync(CancellationToken cancellationToken, Durability durability = Durability.OnCommit);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}

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

/// <summary>Errors the persistence ports share.</summary>
public static class PersistenceErrors
{
    public static Error ConcurrencyConflict(string what) =>
        Error.Conflict("concurrency.conflict", $"The {what} was changed by someone else; reload it and try again.");
}
