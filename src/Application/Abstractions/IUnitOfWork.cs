namespace Peksos.Clean.Application.Abstractions;

/// <summary>When a committed transaction is on disk.</summary>
public enum Durability
{
    /// <summary>The commit returns once the transaction is on disk (the default for every command).</summary>
    OnCommit,

    /// <summary>The commit may return first; a later durable commit covers it (an import's batches: docs/decisions.md).</summary>
    Deferred,
}

/// <summary>
/// One transaction per command: the unit-of-work behaviour begins it before the handler and commits it only when the
/// handler succeeded, so a failed command changes no row.
/// </summary>
public interface IUnitOfWork
{
    Task BeginAsync(CancellationToken cancellationToken, Durability durability = Durability.OnCommit);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="action"/> once the command's transaction has committed (never when it rolls back).</summary>
    void AfterCommit(Func<Task> action);

    /// <summary>Runs <paramref name="action"/> when the command's transaction rolls back: undoes what was done outside it (a stored blob).</summary>
    void AfterRollback(Func<Task> action);
}
