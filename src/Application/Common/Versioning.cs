using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Common;

/// <summary>Optimistic concurrency at the edge: an <c>If-Match</c> version that is not the current one is a 412.</summary>
public static class Versioning
{
    public static Result Check(int? expectedVersion, AggregateRoot aggregate) =>
        expectedVersion is { } expected && expected != aggregate.Version
            ? new Error("precondition.failed", $"The resource is at version {aggregate.Version}, not {expected}; reload it and try again.", ErrorKind.PreconditionFailed)
            : Result.Success();
}

/// <summary>A response that carries the aggregate's version, so the Api can send it as an <c>ETag</c>.</summary>
public interface IVersioned
{
    int Version { get; }
}
