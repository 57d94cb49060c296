using System.Data.Common;
using Dapper;
using Peksos.Clean.Application.Abstractions;
using Peksos.Clean.Application.Assessors;
using Peksos.Clean.Domain.Assessors;
using Peksos.Clean.Domain.Candidates;
using Peksos.Clean.Domain.Common;

using Peksos.Clean.Application.Events;

namespace Peksos.Clean.Infrastructure.Persistence.Assessors;

public sealed class AssessorRepository(DbSession session, ChangeTracker tracker) : IAssessorRepository
{
    public async Task<Assessor?> GetAsync(AssessorId id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AssessorRow>(session.Command(
            "SELECT id, full_name, registration_number, organisation, email, created_at, version FROM assessors WHERE id = @Id",
            new { Id = id.Value }, cancellationToken));
        return row is null
            ? null
            : Assessor.Rehydrate(new AssessorId(row.Id), PersonName.Parse(row.FullName).Value, row.RegistrationNumber, row.Organisation,
                Email.Parse(row.Email).Value, row.CreatedAt, row.Version);
    }

    public async Task<Result> AddAsync(Assessor assessor, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var taken = await connection.ExecuteScalarAsync<long>(session.Command(
            "SELECT COUNT(*) FROM assessors WHERE registration_number = @RegistrationNumber", new { assessor.RegistrationNumber }, cancellationToken));
        if (taken > 0)
        {
            return AssessorErrors.DuplicateRegistrationNumber;
        }

        try
        {
            await connection.ExecuteAsync(session.Command(
                """
                INSERT INTO assessors (id, full_name, registration_number, organisation, email, created_at, version)
                VALUES (@Id, @FullName, @RegistrationNumber, @Organisation, @Email, @CreatedAt, 1)
                """,
                new { Id = assessor.Id.Value, FullName = assessor.FullName.Value, assessor.RegistrationNumber, assessor.Organisation, Email = assessor.Email.Value, assessor.CreatedAt },
                cancellationToken));
        }
        catch (DbException ex) when (UniqueViolation.Is(ex))
        {
            return AssessorErrors.DuplicateRegistrationNumber;
        }

        assessor.SetVersion(1);
        tracker.Track(assessor);
        return Result.Success();
    }

    private sealed class AssessorRow
    {
        public Guid Id { get; set; }
        public string FullName { get; set; } = "";
        public string RegistrationNumber { get; set; } = "";
        public string Organisation { get; set; } = "";
        public string Email { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public int Version { get; set; }
    }
}

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

    public async Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(session.Command(
            "INSERT INTO api_keys (id, name, role, assessor_id, key_hash, created_at, revoked_at) VALUES (@Id, @Name, @Role, @AssessorId, @KeyHash, @CreatedAt, NULL)",
            new { key.Id, key.Name, key.Role, key.AssessorId, key.KeyHash, key.CreatedAt }, cancellationToken));
    }

    public async Task<bool> RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(session.Command(
            "UPDATE api_keys SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL", new { Id = id, At = at }, cancellationToken)) == 1;
    }
}
