using Dapper;
using Peksos.Clean.Application.Abstractions;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// Idempotency records: a claim (status 0) inserted in the command's transaction before it runs, completed with the
/// response at commit; an expired record may be claimed again (docs/decisions.md, "Idempotency").
/// </summary>
public sealed class IdempotencyStore(DbSession session, IdempotencyOptions options) : IIdempotencyStore
{
    private const int InProgress = 0;

    public async Task<StoredIdempotency?> FindAsync(string scopeKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(session.Command(
            "SELECT request_hash, status, location, body FROM idempotency_keys WHERE scope_key = @ScopeKey AND status <> @InProgress AND created_at >= @Since",
            new { ScopeKey = scopeKey, InProgress, Since = now - options.Retention }, cancellationToken));
        return row is null ? null : new StoredIdempotency(row.RequestHash, new IdempotentResponse(row.Status, row.Location, row.Body));
    }

    public async Task<bool> ClaimAsync(string scopeKey, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(session.Command(
            """
            INSERT INTO idempotency_keys (scope_key, request_hash, status, location, body, created_at)
            VALUES (@ScopeKey, @RequestHash, @InProgress, NULL, '', @Now)
            ON CONFLICT (scope_key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status, location = NULL, body = '',
                created_at = excluded.created_at
            WHERE idempotency_keys.created_at < @Since
            """, new { ScopeKey = scopeKey, RequestHash = requestHash, InProgress, Now = now, Since = now - options.Retention }, cancellationToken)) == 1;
    }

    public async Task SaveAsync(string scopeKey, IdempotentResponse response, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(session.Command(
            "UPDATE idempotency_keys SET status = @Status, location = @Location, body = @Body WHERE scope_key = @ScopeKey",
            new { ScopeKey = scopeKey, response.Status, response.Location, response.Body }, cancellationToken));
    }

    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(session.Command(
            "DELETE FROM idempotency_keys WHERE created_at < @Since", new { Since = now - options.Retention }, cancellationToken));
    }

    private sealed class Row
    {
        public string RequestHash { get; set; } = "";
        public int Status { get; set; }
        public string? Location { get; set; }
        public string Body { get; set; } = "";
    }
}
