using System.Data.Common;
using Dapper;
using Peksos.Clean.Application.Abstractions;

namespace Peksos.Clean.Infrastructure.Persistence;

public sealed class IdempotencyStore(DbSession session) : IIdempotencyStore
{
    public async Task<StoredIdempotency?> FindAsync(string scopeKey, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(session.Command(
            "SELECT request_hash, status, location, body FROM idempotency_keys WHERE scope_key = @ScopeKey", new { ScopeKey = scopeKey }, cancellationToken));
        return row is null ? null : new StoredIdempotency(row.RequestHash, new IdempotentResponse(row.Status, row.Location, row.Body));
    }

    public async Task SaveAsync(string scopeKey, string requestHash, IdempotentResponse response, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(session.Command(
                "INSERT INTO idempotency_keys (scope_key, request_hash, status, location, body, created_at) VALUES (@ScopeKey, @RequestHash, @Status, @Location, @Body, @At)",
                new { ScopeKey = scopeKey, RequestHash = requestHash, response.Status, response.Location, response.Body, At = at }, cancellationToken));
        }
        catch (DbException ex) when (UniqueViolation.Is(ex))
        {
            throw new IdempotencyConflictException("Another request with this Idempotency-Key committed first.", ex);
        }
    }

    private sealed class Row
    {
        public string RequestHash { get; set; } = "";
        public int Status { get; set; }
        public string? Location { get; set; }
        public string Body { get; set; } = "";
    }
}
