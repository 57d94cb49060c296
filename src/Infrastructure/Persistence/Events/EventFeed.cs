using System.Text.Json;
using Dapper;
using Peksos.Clean.Application.Events;

namespace Peksos.Clean.Infrastructure.Persistence.Events;

public sealed class EventFeed(DbSession session) : IEventFeed
{
    /// <summary>A page of the feed: on SQLite a prepared statement per page size (the size is a bounded int, never caller text).</summary>
    public async Task<IReadOnlyList<FeedItem>> ReadAsync(long after, int take, CancellationToken cancellationToken) =>
        await session.QueryByKeyAsync($"SELECT {EventRow.Columns} FROM events WHERE id > @After ORDER BY id LIMIT {take}", "After", after, EventRow.Read,
            cancellationToken);

    public async Task<IReadOnlyList<AuditEntryDto>> AuditAsync(Guid? entityId, long after, int take, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var filter = entityId is null ? string.Empty : "AND entity_id = @EntityId";
        var rows = await connection.QueryAsync<AuditRow>(session.Command(
            $"""
            SELECT id, at, actor_key_id, actor_name, actor_role, action, entity_type, entity_id, data FROM audit_log
            WHERE id > @After {filter} ORDER BY id LIMIT @Take
            """, new { After = after, Take = take, EntityId = entityId }, cancellationToken));
        return rows.Select(r => new AuditEntryDto(r.Id, r.At, new ActorDto(r.ActorKeyId, r.ActorName, r.ActorRole), r.Action, r.EntityType, r.EntityId, Parse(r.Data))).ToList();
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed class AuditRow
    {
        public long Id { get; set; }
        public DateTimeOffset At { get; set; }
        public string ActorKeyId { get; set; } = "";
        public string ActorName { get; set; } = "";
        public string ActorRole { get; set; } = "";
        public string Action { get; set; } = "";
        public string EntityType { get; set; } = "";
        public Guid EntityId { get; set; }
        public string Data { get; set; } = "";
    }
}
