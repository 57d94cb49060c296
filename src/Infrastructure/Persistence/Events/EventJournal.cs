using System.Text.Json;
using Dapper;
using Peksos.Clean.Application.Events;

namespace Peksos.Clean.Infrastructure.Persistence.Events;

/// <summary>
/// Appends a command's integration events (the outbox that <c>GET /api/v1/events</c> serves) and audit entries in
/// the command's transaction. On PostgreSQL it first takes a transaction-scoped advisory lock, so transactions that
/// publish events commit in the order their event ids were assigned.
/// </summary>
public sealed class EventJournal(DbSession session, OutboxSignal signal) : IEventJournal
{
    /// <summary>The advisory lock key that orders event writers ("PEKSOS" as a number).</summary>
    private const long EventOrderLock = 0x50454B534F53;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task WriteAsync(IReadOnlyList<IntegrationEvent> events, IReadOnlyList<AuditEntry> audit, ActorDto actor, CancellationToken cancellationToken)
    {
        if (events.Count == 0 && audit.Count == 0)
        {
            return;
        }

        // An event and its audit entry share one data object: serialise it once.
        var serialised = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        string Json(object data) =>
            serialised.TryGetValue(data, out var json) ? json : serialised[data] = JsonSerializer.Serialize(data, JsonOptions);

        var connection = await session.ConnectionAsync(cancellationToken);
        if (events.Count > 0)
        {
            if (session.Provider == DatabaseProvider.Postgres)
            {
                await connection.ExecuteAsync(session.Command("SELECT pg_advisory_xact_lock(@Key)", new { Key = EventOrderLock }, cancellationToken));
            }

            session.AfterCommit(signal.PulseAsync);
            await BulkInsert.ExecuteAsync(session, "events", ["type", "occurred_at", "data"],
                events.Select(e => new object?[] { e.Type, e.OccurredAt, Json(e.Data) }).ToList(), cancellationToken);
        }

        await BulkInsert.ExecuteAsync(session, "audit_log", ["at", "actor_key_id", "actor_name", "actor_role", "action", "entity_type", "entity_id", "data"],
            audit.Select(a => new object?[] { a.At, actor.KeyId, actor.Name, actor.Role, a.Action, a.EntityType, a.EntityId, Json(a.Data) }).ToList(), cancellationToken);
    }
}
