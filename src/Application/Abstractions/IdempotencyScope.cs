namespace Peksos.Clean.Application.Abstractions;

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
