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

    private readonly List<Func<Task>> _afterCommit = [];
    private readonly List<Func<Task>> _afterRollback = [];

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

    /// <summary>Every row for one key, read by <paramref name="read"/> by position: on prepared statements on SQLite outside a transaction (docs/decisions.md, "Hot reads and bulk writes").</summary>
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

    /// <summary>"column is one of these values" with one parameter: an array on PostgreSQL, <c>json_each</c> on SQLite (docs/decisions.md).</summary>
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
            // Foreign keys, durability, busy wait and in-memory statement journals for every write; deferred work relaxes
            // durability (docs/decisions.md). Set each session, since a pooled connection keeps what the last session set.
            var synchronous = durability == Durability.Deferred ? "NORMAL; PRAGMA wal_autocheckpoint = 10000" : "FULL; PRAGMA wal_autocheckpoint = 1000";
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = _sqliteDurability is not null
                ? $"PRAGMA synchronous = {synchronous};"
                : $"PRAGMA foreign_keys = ON; PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -8192; PRAGMA temp_store = MEMORY;";
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
        _afterRollback.Clear();
        await RunAsync(_afterCommit);
    }

    public void AfterCommit(Func<Task> action) => _afterCommit.Add(action);

    public void AfterRollback(Func<Task> action) => _afterRollback.Add(action);

    private static async Task RunAsync(List<Func<Task>> actions)
    {
        var run = actions.ToList();
        actions.Clear();
        foreach (var action in run)
        {
            await action();
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        _afterCommit.Clear();
        try
        {
            if (Transaction is not null)
            {
                await Transaction.RollbackAsync(cancellationToken);
            }
        }
        finally
        {
            if (Transaction is not null)
            {
                await Transaction.DisposeAsync();
                Transaction = null;
            }

            await RunAsync(_afterRollback);
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
