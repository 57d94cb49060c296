using System.Collections.Concurrent;
using Dapper;
using Peksos.Clean.Application.ApiKeys;

namespace Peksos.Clean.Infrastructure.Persistence.ApiKeys;

/// <summary>
/// The active API keys this node has seen, by hash, so a request with a key costs no query. A change on this node
/// clears it when it commits; a change on another node is seen by the change counter, read at most every 250 ms, so a
/// revoked key stops working everywhere within a second (docs/decisions.md, "API keys").
/// </summary>
public sealed class ApiKeyCache(IDbConnectionFactory factory, TimeProvider wallClock)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, ApiKeyRecord> _keys = new(StringComparer.Ordinal);
    private long _counter = -1;
    private long _checkedAt;
    private int _checking;

    // Bumped by every clear: a key read from the database before a clear is not cached after it.
    private long _generation;

    /// <summary>The cached active key with this hash (null when not cached), and the generation to hand back to <see cref="Add"/>.</summary>
    public async ValueTask<(ApiKeyRecord? Key, long Generation)> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _counter) < 0 || wallClock.GetElapsedTime(Interlocked.Read(ref _checkedAt)) >= CheckInterval)
        {
            await RefreshAsync(cancellationToken);
        }

        var generation = Interlocked.Read(ref _generation);
        return (_keys.GetValueOrDefault(keyHash), generation);
    }

    /// <summary>Caches a key read from the database, unless it is revoked or the cache was cleared since <paramref name="generation"/>.</summary>
    public void Add(ApiKeyRecord key, long generation)
    {
        if (key.RevokedAt is null)
        {
            _keys[key.KeyHash] = key;
            if (Interlocked.Read(ref _generation) != generation)
            {
                _keys.TryRemove(key.KeyHash, out _);
            }
        }
    }

    /// <summary>Forgets every key (after this node changed one).</summary>
    public Task ClearAsync()
    {
        Interlocked.Increment(ref _generation);
        _keys.Clear();
        return Task.CompletedTask;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _checking, 1, 0) != 0)
        {
            return;
        }

        try
        {
            var startedAt = wallClock.GetTimestamp();
            await using var connection = await factory.OpenAsync(cancellationToken);
            var counter = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT version FROM api_key_changes WHERE id = 1", cancellationToken: cancellationToken));
            if (counter != Interlocked.Read(ref _counter))
            {
                await ClearAsync();
                Interlocked.Exchange(ref _counter, counter);
            }

            Interlocked.Exchange(ref _checkedAt, startedAt);
        }
        finally
        {
            Interlocked.Exchange(ref _checking, 0);
        }
    }
}
