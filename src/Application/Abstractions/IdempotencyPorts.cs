namespace Peksos.Clean.Application.Abstractions;

/// <summary>The response a creating request produced, kept so that a retry with the same Idempotency-Key replays it.</summary>
public sealed record IdempotentResponse(int Status, string? Location, string Body);

public sealed record StoredIdempotency(string RequestHash, IdempotentResponse Response);

/// <summary>Raised when another request holds the same Idempotency-Key (it committed first, or is still running).</summary>
public sealed class IdempotencyConflictException(string message) : Exception(message)
{
    public IdempotencyConflictException()
        : this("Another request with this Idempotency-Key was processed at the same time.")
    {
    }

    public IdempotencyConflictException(string message, Exception inner)
        : this(message) => _ = inner;
}

/// <summary>How long a stored response is replayed (<c>Idempotency:RetentionHours</c>, default 24); older records are purged.</summary>
public sealed record IdempotencyOptions(TimeSpan Retention)
{
    public static IdempotencyOptions Default { get; } = new(TimeSpan.FromHours(24));
}

public interface IIdempotencyStore
{
    /// <summary>The finished response stored for the key, unless it has expired.</summary>
    Task<StoredIdempotency?> FindAsync(string scopeKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the key in the current transaction, before the command runs: false when another request holds it (on
    /// PostgreSQL after waiting for that request to finish). A command that fails rolls its claim back.
    /// </summary>
    Task<bool> ClaimAsync(string scopeKey, string requestHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores the claimed key's response in the current transaction.</summary>
    Task SaveAsync(string scopeKey, IdempotentResponse response, CancellationToken cancellationToken);

    /// <summary>Deletes expired records; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
