using System.Data.Common;
using Dapper;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// The one shape of every aggregate update (optimistic concurrency): the UPDATE names <c>id = @Id AND version =
/// @Version</c> and sets <c>version = version + 1</c>; when it changes no row someone else changed the aggregate first,
/// and nothing else is written. Otherwise the aggregate's child rows are written, its new version recorded and its
/// events handed to the tracker (for the outbox and audit, in the same transaction).
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
