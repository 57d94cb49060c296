using System.Data.Common;
using Dapper;
using Peksos.Clean.Application.ApiKeys;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Infrastructure.Persistence.ApiKeys;

public sealed class ApiKeyStore(DbSession session) : IApiKeyStore
{
    private const string Select = "SELECT id, name, role, assessor_id, key_hash, created_at, revoked_at FROM api_keys";
    private const string FindByHashSql = $"{Select} WHERE key_hash = @KeyHash";

    /// <summary>
    /// Runs on every request with a key (no caching: a revoked key fails at once), so on a prepared statement.
    /// </summary>
    public async Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken) =>
        await session.QuerySingleByKeyAsync(FindByHashSql, "KeyHash", keyHash, ReadKey, cancellationToken);

    public async Task<ApiKeyRecord?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await session.QuerySingleByKeyAsync($"{Select} WHERE id = @Id", "Id", id, ReadKey, cancellationToken);

    /// <summary>A row of <see cref="Select"/>, by column position.</summary>
    private static ApiKeyRecord ReadKey(DbDataReader r) => new(TypeHandlers.ReadGuid(r, 0), r.GetString(1), r.GetString(2),
        TypeHandlers.ReadNullableGuid(r, 3), r.GetString(4), TypeHandlers.ReadTimestamp(r, 5), TypeHandlers.ReadNullableTimestamp(r, 6));

    public async Task<Result> AddAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(session.Command(
                "INSERT INTO api_keys (id, name, role, assessor_id, key_hash, created_at, revoked_at) VALUES (@Id, @Name, @Role, @AssessorId, @KeyHash, @CreatedAt, NULL)",
                new { key.Id, key.Name, key.Role, key.AssessorId, key.KeyHash, key.CreatedAt }, cancellationToken));
            return Result.Success();
        }
        catch (DbException ex) when (UniqueViolation.Is(ex))
        {
            return ApiKeyNames.Taken;
        }
    }

    public async Task<bool> RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(session.Command(
            "UPDATE api_keys SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL", new { Id = id, At = at }, cancellationToken)) == 1;
    }
}
