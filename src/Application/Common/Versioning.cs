using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.Common;

/// <summary>Optimistic concurrency at the edge: an <c>If-Match</c> version that is not the current one is a 412.</summary>
public static class Versioning
{
    public static Result Check(ExpectedVersions? expected, AggregateRoot aggregate) => Check(expected, aggregate.Version);

    public static Result Check(ExpectedVersions? expected, int currentVersion) =>
        expected is not null && !expected.Accepts(currentVersion)
            ? new Error("precondition.failed", $"The resource is at version \"{currentVersion}\"; If-Match named {expected}. Reload it and try again.",
                ErrorKind.PreconditionFailed)
            : Result.Success();

    /// <summary>The loaded aggregate, ready to change: <paramref name="notFound"/> when absent, 412 when the caller's version is stale.</summary>
    public static Result<T> ForChange<T>(T? aggregate, Error notFound, ExpectedVersions? expectedVersion)
        where T : AggregateRoot
    {
        if (aggregate is null)
        {
            return notFound;
        }

        return Check(expectedVersion, aggregate) is { IsFailure: true } stale ? stale.Error! : aggregate;
    }
}
