using System.Text.Json;

namespace Peksos.Clean.Application.Events;

public sealed record EventDto(long Id, string Type, DateTimeOffset OccurredAt, JsonElement Data);
