using System.Data.Common;
using Dapper;
using Peksos.Clean.Application.ApiKeys;
using Peksos.Clean.Domain.Common;

namespace Peksos.Clean.Infrastructure.Persistence.ApiKeys;

public sealed class ApiKeyStore(DbSession session, ApiKeyCache cache) : IApiKeyStore
{
    private const string Select = "SELECT id, name, role, assessor_id, key_hash, created_at, revoked_at FROM api_keys";
    private const string FindByHashSql = $"{Select} WHERE key_hash = @KeyHash";

    /// <summary>
    /// Runs on every request with a key: from this node's cache of active keys, else on a prepared statement (an unknown
    /// key is never cached, so a new key works at once).
    /// </summary>
    public async Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        var (cached, generation) = await cache.FindAsync(keyHash, cancellationToken);
        if (cached is not null)
        {
            return cached;
        }

        var stored = await session.QuerySingleByKeyAsync(FindByHashSql, "KeyHash", keyHash, ReadKey, cancellationToken);
        if (stored is not null)
        {
            cache.Add(stored, generation);
        }

        return stored;
    }

    /// <summary>Every key change bumps the change counter in its transaction and clears this node's cache once committed.</summary>
    private async Task NoteChangeAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(session.Command("UPDATE api_key_changes SET version = version + 1 WHERE id = 1", null, cancellationToken));
        session.AfterCommit(cache.ClearAsync);
    }

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
            await NoteChangeAsync(connection, cancellationToken);
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
        if (await connection.ExecuteAsync(session.Command(
                "UPDATE api_keys SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL", new { Id = id, At = at }, cancellationToken)) != 1)
        {
            return false;
        }

        await NoteChangeAsync(connection, cancellationToken);
        return true;
    }
}
