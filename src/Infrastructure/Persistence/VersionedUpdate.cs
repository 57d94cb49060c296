using System.Data.Common;
using Dapper;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// Every aggregate update: <c>WHERE id = @Id AND version = @Version</c>, <c>version + 1</c>; no row changed is a conflict and
/// nothing else is written. Otherwise the child rows follow and the events go to the tracker.
/// </summary>
internal static class VersionedUpdate
{
    public static async Task<Result> ApplyAsync(DbSession session, ChangeTracker tracker, AggregateRoot aggregate, string what, string updateSql,
        object parameters, Func<DbConnection, Task> writeChildren, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        if (await connection.ExecuteAsync(session.Command(updateSql, parameters, cancellationToken)) == 0)
        {
            return PersistenceErrors.ConcurrencyConflict(what);
        }

        await writeChildren(connection);
        aggregate.SetVersion(aggregate.Version + 1);
        tracker.Track(aggregate);
        return Result.Success();
    }
}
