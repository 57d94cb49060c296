namespace Peksos.Clean.Domain.Common;

/// <summary>Something that happened in the domain that others may care about.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}

/// <summary>
/// Base of every aggregate: keeps the events raised since it was loaded and the version it was loaded at,
/// which the repository uses for optimistic concurrency.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _domainEvents = [];

    /// <summary>The stored version this instance was loaded at (0 for a new aggregate).</summary>
    public int Version { get; private set; }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>Used by persistence when rebuilding from storage and after a successful save.</summary>
    protected internal void SetVersion(int version) => Version = version;

    /// <summary>Checks a business rule, returning its failure when broken.</summary>
    protected static Result Check(IBusinessRule rule) => BusinessRules.Check(rule);

    /// <summary>The error of the first broken rule, in the order given, or null when every rule holds.</summary>
    protected static Error? FirstBroken(params IBusinessRule[] rules) => BusinessRules.FirstBroken(rules);

    /// <summary>Every broken rule as one error (the first leads, all are in its details), or null when every rule holds.</summary>
    protected static Error? AllBroken(params IBusinessRule[] rules) => BusinessRules.AllBroken(rules);
}
