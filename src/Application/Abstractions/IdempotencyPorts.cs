namespace Peksos.Clean.Application.Abstractions;

/// <summary>The response a creating request produced, kept so that a retry with the same Idempotency-Key replays it.</summary>
public sealed record IdempotentResponse(int Status, string? Location, string Body);

public sealed record StoredIdempotency(string RequestHash, IdempotentResponse Response);

/// <summary>Raised when another request with the same Idempotency-Key committed first (or is committing).</summary>
public sealed class IdempotencyConflictException(string message) : Exception(message)
{
    public IdempotencyConflictException()
        : this("Another request with this Idempotency-Key was processed at the same time.")
    {
    }

    public IdempotencyConflictException(string message, Exception inner)
        : this(message) => _ = inner;
}

public interface IIdempotencyStore
{
    Task<StoredIdempotency?> FindAsync(string scopeKey, CancellationToken cancellationToken);

    /// <summary>Saves inside the current transaction; throws <see cref="IdempotencyConflictException"/> when the key is taken.</summary>
    Task SaveAsync(string scopeKey, string requestHash, IdempotentResponse response, DateTimeOffset at, CancellationToken cancellationToken);
}
