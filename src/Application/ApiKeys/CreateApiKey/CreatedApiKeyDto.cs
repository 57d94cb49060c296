namespace Peksos.Clean.Application.ApiKeys.CreateApiKey;

/// <summary>The created key: <see cref="Key"/> is shown this once and never again.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string Name, string Role, Guid? AssessorId, string Key, DateTimeOffset CreatedAt);
