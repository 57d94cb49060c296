using System.Text;
using System.Text.Json;
using Dapper;
using Peksos.Clean.Application.Events;
using Peksos.Clean.Application.Webhooks;
using Peksos.Clean.Domain.Common;
using Peksos.Clean.Domain.Webhooks;
using Peksos.Clean.Infrastructure.Persistence.Events;
using Peksos.Clean.Infrastructure.Security;

namespace Peksos.Clean.Infrastructure.Persistence.Webhooks;

public sealed class WebhookStore(DbSession session, ChangeTracker tracker, SecretBox secrets) : IWebhookStore
{
    private const string Select =
        "SELECT id, owner_key_id, url, event_types, description, status, created_at, position, failures, next_attempt_at, disabled_at, version FROM webhooks";

    public async Task AddAsync(WebhookSubscription subscription, string secret, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(session.Command(
            """
            INSERT INTO webhooks (id, owner_key_id, url, event_types, description, secret, status, created_at, position, failures, next_attempt_at, disabled_at, version)
            VALUES (@Id, @OwnerKeyId, @Url, @EventTypes, @Description, @Secret, 'active', @CreatedAt, @Position, 0, NULL, NULL, 1)
            """,
            new
            {
                subscription.Id,
                subscription.OwnerKeyId,
                Url = subscription.Url.ToString(),
                EventTypes = JsonSerializer.Serialize(subscription.EventTypes),
                subscription.Description,
                Secret = secrets.Protect(Encoding.UTF8.GetBytes(secret)),
                subscription.CreatedAt,
                subscription.Position,
            }, cancellationToken));
        await BulkInsert.ExecuteAsync(session, "webhook_certificates", ["webhook_id", "number"],
            subscription.CertificateNumbers.Select(n => new object?[] { subscription.Id, n }).ToList(), cancellationToken);
        subscription.SetVersion(1);
    }

    public async Task<WebhookSubscription?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(session.Command($"{Select} WHERE id = @Id", new { Id = id }, cancellationToken));
        return row is null ? null : Rebuild(row, await NumbersAsync(id, cancellationToken));
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string? ownerKeyId, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var filter = ownerKeyId is null ? "" : "WHERE owner_key_id = @Owner";
        var rows = await connection.QueryAsync<Row>(session.Command($"{Select} {filter} ORDER BY created_at, id", new { Owner = ownerKeyId }, cancellationToken));
        var subscriptions = new List<WebhookSubscription>();
        foreach (var row in rows)
        {
            subscriptions.Add(Rebuild(row, await NumbersAsync(row.Id, cancellationToken)));
        }

        return subscriptions;
    }

    /// <summary>The watch-list of one subscription.</summary>
    public async Task<IReadOnlySet<string>> NumbersAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var numbers = await connection.QueryAsync<string>(session.Command("SELECT number FROM webhook_certificates WHERE webhook_id = @Id", new { Id = id }, cancellationToken));
        return numbers.ToHashSet(StringComparer.Ordinal);
    }

    public Task<Result> SaveAsync(WebhookSubscription subscription, CancellationToken cancellationToken) =>
        VersionedUpdate.ApplyAsync(session, tracker, subscription, "webhook",
            """
            UPDATE webhooks SET status = @Status, position = @Position, failures = @Failures, next_attempt_at = @NextAttemptAt, disabled_at = @DisabledAt,
                version = version + 1
            WHERE id = @Id AND version = @Version
            """,
            new
            {
                subscription.Id,
                Status = WebhookDto.StatusCode(subscription.Status),
                subscription.Position,
                subscription.Failures,
                subscription.NextAttemptAt,
                subscription.DisabledAt,
                subscription.Version,
            },
            _ => Task.CompletedTask, cancellationToken);

    public async Task DeleteAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var id = new { subscription.Id };
        await connection.ExecuteAsync(session.Command("DELETE FROM webhook_deliveries WHERE webhook_id = @Id", id, cancellationToken));
        await connection.ExecuteAsync(session.Command("DELETE FROM webhook_certificates WHERE webhook_id = @Id", id, cancellationToken));
        await connection.ExecuteAsync(session.Command("DELETE FROM webhooks WHERE id = @Id", id, cancellationToken));
    }

    public async Task<bool> PassOverAsync(Guid id, long from, long to, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(session.Command(
            "UPDATE webhooks SET position = @To, version = version + 1 WHERE id = @Id AND position = @From AND failures = 0 AND status = 'active'",
            new { Id = id, From = from, To = to }, cancellationToken)) == 1;
    }

    public Task LogAsync(IReadOnlyList<WebhookDeliveryRecord> deliveries, CancellationToken cancellationToken) =>
        BulkInsert.ExecuteAsync(session, "webhook_deliveries", ["webhook_id", "event_id", "type", "attempt", "succeeded", "response_status", "error", "at"],
            deliveries.Select(d => new object?[] { d.WebhookId, d.EventId, d.Type, d.Attempt, d.Succeeded, d.ResponseStatus, d.Error, d.At }).ToList(), cancellationToken);

    public async Task<int> PurgeDeliveriesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(session.Command("DELETE FROM webhook_deliveries WHERE at < @Before", new { Before = before }, cancellationToken));
    }

    public async Task<IReadOnlyList<WebhookDeliveryRecord>> DeliveriesAsync(Guid id, int take, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeliveryRow>(session.Command(
            "SELECT webhook_id, event_id, type, attempt, succeeded, response_status, error, at FROM webhook_deliveries WHERE webhook_id = @Id ORDER BY id DESC LIMIT @Take",
            new { Id = id, Take = take }, cancellationToken));
        return rows.Select(r => new WebhookDeliveryRecord(r.WebhookId, r.EventId, r.Type, r.Attempt, r.Succeeded, r.ResponseStatus, r.Error, r.At)).ToList();
    }

    public async Task<long> LastEventIdAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(session.Command("SELECT MAX(id) FROM events", null, cancellationToken)) ?? 0;
    }

    /// <summary>The plaintext signing secret (for the delivery worker only).</summary>
    public async Task<string?> SecretAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var stored = await connection.ExecuteScalarAsync<string?>(session.Command("SELECT secret FROM webhooks WHERE id = @Id", new { Id = id }, cancellationToken));
        return stored is null ? null : Encoding.UTF8.GetString(secrets.Unprotect(stored));
    }

    /// <summary>Active subscriptions that have events after their position and whose back-off (if any) has passed.</summary>
    public async Task<IReadOnlyList<Guid>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(session.Command(
            """
            SELECT id FROM webhooks
            WHERE status = 'active' AND (next_attempt_at IS NULL OR next_attempt_at <= @Now) AND position < (SELECT COALESCE(MAX(id), 0) FROM events)
            """, new { Now = now }, cancellationToken));
        return ids.ToList();
    }

    /// <summary>The next events after <paramref name="position"/> up to <paramref name="upTo"/> of the given types, oldest first, as stored.</summary>
    public async Task<IReadOnlyList<FeedItem>> EventsAfterAsync(long position, long upTo, IReadOnlyList<string> types, int take, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var (typeFilter, typeValues) = session.InList("type", "Types", types);
        await using var reader = await connection.ExecuteReaderAsync(session.Command(
            $"SELECT {EventRow.Columns} FROM events WHERE id > @Position AND id <= @UpTo AND {typeFilter} ORDER BY id LIMIT @Take",
            new { Position = position, UpTo = upTo, Types = typeValues, Take = take }, cancellationToken));
        var events = new List<FeedItem>(take);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(EventRow.Read(reader));
        }

        return events;
    }

    /// <summary>Whether any subscription is active (a node with none does not take the delivery lease).</summary>
    public async Task<bool> AnyActiveAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(session.Command("SELECT 1 FROM webhooks WHERE status = 'active' LIMIT 1", null, cancellationToken)) is not null;
    }

    private static WebhookSubscription Rebuild(Row r, IReadOnlySet<string> numbers) => WebhookSubscription.Rebuild(r.Id, r.OwnerKeyId, new Uri(r.Url),
        JsonSerializer.Deserialize<List<string>>(r.EventTypes) ?? [], numbers, r.Description, r.CreatedAt,
        r.Status == "active" ? WebhookStatus.Active : WebhookStatus.Disabled, r.Position, r.Failures, r.NextAttemptAt, r.DisabledAt, r.Version);

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string OwnerKeyId { get; set; } = "";
        public string Url { get; set; } = "";
        public string EventTypes { get; set; } = "";
        public string? Description { get; set; }
        public string Status { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public long Position { get; set; }
        public int Failures { get; set; }
        public DateTimeOffset? NextAttemptAt { get; set; }
        public DateTimeOffset? DisabledAt { get; set; }
        public int Version { get; set; }
    }

    private sealed class DeliveryRow
    {
        public Guid WebhookId { get; set; }
        public long EventId { get; set; }
        public string Type { get; set; } = "";
        public int Attempt { get; set; }
        public bool Succeeded { get; set; }
        public int? ResponseStatus { get; set; }
        public string? Error { get; set; }
        public DateTimeOffset At { get; set; }
    }
}
