using Dapper;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// Work that runs on one node at a time (webhook delivery, reminders): a named row holds the node that has it and until
/// when. A node takes a free or expired lease, or renews its own, in one conditional upsert.
/// </summary>
public sealed class Lease(IDbConnectionFactory factory, TimeProvider wallClock)
{
    /// <summary>This node (one per host), as a lease holder.</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<bool> TryHoldAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = wallClock.GetUtcNow();
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO leases (name, holder, expires_at) VALUES (@Name, @Holder, @Until)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.holder = excluded.holder OR leases.expires_at < @Now
            """, new { Name = name, Holder = Node, Until = now + duration, Now = now }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Gives the lease up (on shutdown), so another node need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM leases WHERE name = @Name AND holder = @Holder",
            new { Name = name, Holder = Node }, cancellationToken: cancellationToken));
    }
}
