using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Application.ApiKeys;

/// <summary>An API key as stored: only the hash of the key is kept.</summary>
public sealed record ApiKeyRecord(Guid Id, string Name, string Role, Guid? AssessorId, string KeyHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

public interface IApiKeyStore
{
    Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Inserts; fails with <c>api-key.name-taken</c> when an active key has the name.</summary>
    Task<Result> AddAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    Task<bool> RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);
}
