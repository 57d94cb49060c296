using System.Text.Json;

namespace Peksos.Clean.Application.Events;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, ActorDto Actor, string Action, string EntityType, Guid EntityId, JsonElement Data);
