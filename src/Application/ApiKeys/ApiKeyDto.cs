namespace Peksos.Clean.Application.ApiKeys;

public sealed record ApiKeyDto(Guid Id, string Name, string Role, Guid? AssessorId, DateTimeOffset CreatedAt);
