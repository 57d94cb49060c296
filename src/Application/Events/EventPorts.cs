namespace Peksos.Clean.Application.Events;

/// <summary>An entry for the events feed: what other applications may react to.</summary>
public sealed record IntegrationEvent(string Type, DateTimeOffset OccurredAt, object Data);

/// <summary>An entry for the audit trail: who did what to which entity, when.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Action, string EntityType, Guid EntityId, object Data);

/// <summary>Writes a command's integration events and audit entries in the command's transaction.</summary>
public interface IEventJournal
{
    Task WriteAsync(IReadOnlyList<IntegrationEvent> events, IReadOnlyList<AuditEntry> audit, ActorDto actor, CancellationToken cancellationToken);
}

public interface IEventFeed
{
    /// <summary>Events with id greater than <paramref name="after"/>, in id (= commit) order.</summary>
    Task<IReadOnlyList<FeedItem>> ReadAsync(long after, int take, CancellationToken cancellationToken);

    /// <summary>Audit entries (optionally of one entity) with id greater than <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditEntryDto>> AuditAsync(Guid? entityId, long after, int take, CancellationToken cancellationToken);
}
