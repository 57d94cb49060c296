using System.Data.Common;
using Peksos.Clean.Application.Abstractions;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// The scoped connection and transaction of one request. Repositories and query services ask it for a
/// connection; inside a command it is the command's transaction, so everything commits or nothing does.
/// </summary>
public sealed class DbSession(IDbConnectionFactory factory) : IUnitOfWork, IAsyncDisposable
{
    private DbConnection? _connection;
    // What this session last set on its SQLite connection (null: nothing yet).
    private Durability? _sqliteDurability;

    public DbTransaction? Transaction { get; private set; }

    public DatabaseProvider Provider => factory.Provider;

    public async ValueTask<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await factory.OpenAsync(cancellationToken);

    /// <summary>A Dapper command bound to this session's transaction.</summary>
    public Dapper.CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, Transaction, cancellationToken: cancellationToken);

    /// <summary>
    /// The one row whose <paramref name="parameterName"/> equals <paramref name="value"/>, or null, for the hottest reads
    /// (see <see cref="QueryByKeyAsync{T}"/>; PostgreSQL prepares repeated statements itself: <c>Max Auto Prepare</c>).
    /// </summary>
    public async Task<T?> QuerySingleByKeyAsync<T>(string sql, string parameterName, object value, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await QueryByKeyAsync(sql, parameterName, value, read, cancellationToken);
        return rows.Count switch
        {
            0 => null,
            1 => rows[0],
            _ => throw new InvalidOperationException("The query returned more than one row."),
        };
    }

    /// <summary>
    /// Every row for <paramref name="parameterName"/> = <paramref name="value"/>, each read by <paramref name="read"/> (by
    /// column position; see <see cref="TypeHandlers"/> for the stored forms): on SQLite outside a transaction through
    /// statements compiled once (<see cref="SqlitePreparedReads"/>); otherwise through this session's connection. These
    /// are the reads on every verification and certificate request, where Dapper's row parser (a boxed value per
    /// column, then its type handler) had cost more than the typed reads.
    /// </summary>
    public async Task<IReadOnlyList<T>> QueryByKeyAsync<T>(string sql, string parameterName, object value, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        if (Transaction is null && factory is SqliteConnectionFactory sqlite)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return sqlite.PreparedReads.Query(sql, parameterName, value, read);
        }

        var parameters = new Dapper.DynamicParameters();
        parameters.Add(parameterName, value);
        var connection = await ConnectionAsync(cancellationToken);
        await using var reader = await Dapper.SqlMapper.ExecuteReaderAsync(connection, Command(sql, parameters, cancellationToken));
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// "column is one of these values" with a single parameter on both engines: PostgreSQL takes an array
    /// (<c>= ANY(@p)</c>); SQLite a JSON array read by <c>json_each</c> (both probe the column's index per value). Dapper's
    /// list expansion would bind one parameter per value instead, and SQLite finds each bound name by a linear search,
    /// so a batch of 1,000 values cost a million name comparisons.
    /// </summary>
    public (string Condition, object Value) InList(string column, string parameter, IReadOnlyCollection<string> values) =>
        Provider == DatabaseProvider.Postgres
            ? ($"{column} = ANY(@{parameter})", values.ToArray())
            : ($"{column} IN (SELECT value FROM json_each(@{parameter}))", System.Text.Json.JsonSerializer.Serialize(values));

    public async Task BeginAsync(CancellationToken cancellationToken, Durability durability = Durability.OnCommit)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open in this scope.");
        }

        var connection = await ConnectionAsync(cancellationToken);
        if (Provider == DatabaseProvider.Sqlite && _sqliteDurability != durability)
        {
            // Every write checks foreign keys and is durable once acknowledged (WAL + FULL: fsync of the log on commit),
            // and waits for other writers rather than failing. A deferred commit (NORMAL) skips the fsync; the next FULL
            // commit's fsync of the same log file covers it. Deferred work (an import's batches) also lets the log grow
            // to 10,000 pages (40 MB) before this connection copies it back into the database: that copy, with its two
            // fsyncs, had cost more than the batch itself at SQLite's default of 1,000 pages. Set on every session's
            // first transaction, since a pooled connection keeps what the last session set.
            var synchronous = durability == Durability.Deferred ? "NORMAL; PRAGMA wal_autocheckpoint = 10000" : "FULL; PRAGMA wal_autocheckpoint = 1000";
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = _sqliteDurability is not null
                ? $"PRAGMA synchronous = {synchronous};"
                : $"PRAGMA foreign_keys = ON; PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -8192;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            _sqliteDurability = durability;
        }

        Transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (Provider == DatabaseProvider.Postgres && durability == Durability.Deferred)
        {
            // For this transaction only: the commit does not wait for the WAL flush; a later synchronous commit flushes
            // the log up to its own record, this one included.
            await using var deferred = connection.CreateCommand();
            deferred.Transaction = Transaction;
            deferred.CommandText = "SET LOCAL synchronous_commit = off";
            await deferred.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (Transaction is null)
        {
            return;
        }

        await Transaction.CommitAsync(cancellationToken);
        await Transaction.DisposeAsync();
        Transaction = null;
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (Transaction is null)
        {
            return;
        }

        try
        {
            await Transaction.RollbackAsync(cancellationToken);
        }
        finally
        {
            await Transaction.DisposeAsync();
            Transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
