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

/// <summary>
/// The Idempotency-Key of the current request, set by the Api before the command runs. When set, the unit of work
/// stores the command's response in the command's own transaction, so "created" and "remembered" commit together.
/// </summary>
public sealed class IdempotencyScope
{
    public string? ScopeKey { get; private set; }

    public string? RequestHash { get; private set; }

    public Func<object, IdempotentResponse>? Capture { get; private set; }

    public bool IsActive => ScopeKey is not null;

    public void Begin(string scopeKey, string requestHash, Func<object, IdempotentResponse> capture)
    {
        ScopeKey = scopeKey;
        RequestHash = requestHash;
        Capture = capture;
    }
}
