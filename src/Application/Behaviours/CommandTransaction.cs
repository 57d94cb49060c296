using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Events;

namespace Peksos.Clean.Application.Behaviours;

/// <summary>
/// One database transaction of a command, with what every commit carries: the command's domain events written to
/// the events outbox and the audit trail first. Used by the unit-of-work behaviour for every command, and directly
/// by commands that commit in batches (roster import).
/// </summary>
public sealed class CommandTransaction(
    IUnitOfWork unitOfWork, ChangeTracker tracker, IEventJournal journal, ICurrentActor actor, IdempotencyScope idempotency, IIdempotencyStore idempotencyStore, TimeProvider clock)
{
    public Task BeginAsync(CancellationToken cancellationToken, Durability durability = Durability.OnCommit) =>
        unitOfWork.BeginAsync(cancellationToken, durability);

    /// <summary>Claims the request's Idempotency-Key (if it has one) in the open transaction, before the command runs.</summary>
    public async Task ClaimIdempotencyKeyAsync(CancellationToken cancellationToken)
    {
        if (idempotency.IsActive && !await idempotencyStore.ClaimAsync(idempotency.ScopeKey!, idempotency.RequestHash!, clock.GetUtcNow(), cancellationToken))
        {
            throw new IdempotencyConflictException();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own: commits it (as <see cref="CommitAsync"/> does) when the
    /// work returns, rolls it back when it throws. For commands that commit in several transactions.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken, Durability durability = Durability.OnCommit)
    {
        await BeginAsync(cancellationToken, durability);
        try
        {
            var result = await work(cancellationToken);
            await CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            await RollbackAsync();
            throw;
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken, Durability durability = Durability.OnCommit) =>
        RunAsync(async ct =>
        {
            await work(ct);
            return true;
        }, cancellationToken, durability);

    /// <summary>Adds an audit entry about the command as a whole (not about one entity's change) to the open transaction.</summary>
    public Task AuditAsync(string action, string entityType, Guid entityId, object data, CancellationToken cancellationToken) =>
        journal.WriteAsync([], [new AuditEntry(clock.GetUtcNow(), action, entityType, entityId, data)], Actor, cancellationToken);

    /// <summary>Writes the events and audit entries (and the idempotent response, when the request carries a key), then commits.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken, object? value = null)
    {
        if (idempotency.IsActive && value is not null)
        {
            await idempotencyStore.SaveAsync(idempotency.ScopeKey!, idempotency.Capture!(value), cancellationToken);
        }

        await WriteChangesAsync(cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the events and audit entries of the changes made so far into the open transaction, without committing
    /// (a command that stores several batches in one transaction does so after each, so it holds no batch's events).
    /// </summary>
    public async Task WriteChangesAsync(CancellationToken cancellationToken)
    {
        var described = tracker.Drain().Select(e => (Event: e, Entry: EventCatalog.Describe(e))).ToList();
        await journal.WriteAsync(
            described.Where(d => d.Entry.Published).Select(d => new IntegrationEvent(d.Entry.Action, d.Event.OccurredAt, d.Entry.Data)).ToList(),
            described.Select(d => new AuditEntry(d.Event.OccurredAt, d.Entry.Action, d.Entry.EntityType, d.Entry.EntityId, d.Entry.AuditData)).ToList(),
            Actor,
            cancellationToken);
    }

    private ActorDto Actor => new(actor.KeyId, actor.Name, actor.Role);

    /// <summary>Rolls back and forgets the events of what was rolled back.</summary>
    public async Task RollbackAsync()
    {
        tracker.Drain();
        await unitOfWork.RollbackAsync(CancellationToken.None);
    }
}
