using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Events;

/// <summary>
/// The domain events of one command: repositories hand over every aggregate they save, and handlers note changes
/// that are not aggregates (API keys). The unit of work drains them into the outbox and the audit trail inside the
/// command's transaction.
/// </summary>
public sealed class ChangeTracker
{
    private readonly List<IDomainEvent> _events = [];

    /// <summary>Takes the aggregate's events (and clears them from it).</summary>
    public void Track(AggregateRoot aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        _events.AddRange(aggregate.DomainEvents);
        aggregate.ClearDomainEvents();
    }

    public void Note(IDomainEvent domainEvent) => _events.Add(domainEvent);

    public IReadOnlyList<IDomainEvent> Drain()
    {
        var drained = _events.ToList();
        _events.Clear();
        return drained;
    }
}
