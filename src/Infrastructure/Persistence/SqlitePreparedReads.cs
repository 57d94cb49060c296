using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// Reads by key on statements compiled once, on a small pool of long-lived SQLite connections (why: docs/decisions.md,
/// "Hot reads and bulk writes"). Each read is its own implicit transaction; nothing here writes or sees an open transaction.
/// </summary>
public sealed class SqlitePreparedReads : IDisposable
{
    private readonly string _connectionString;
    private readonly int _maxIdle;
    private readonly ConcurrentBag<Lease> _idle = [];
    private int _idleCount;
    private bool _disposed;

    public SqlitePreparedReads(string connectionString, int maxIdleConnections)
    {
        // This pool owns its connections' lifetime, so Microsoft.Data.Sqlite's own pooling is not involved.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _maxIdle = Math.Max(1, maxIdleConnections);
    }

    /// <summary>Every row the statement returns for <paramref name="parameterName"/> = <paramref name="value"/>, in its order.</summary>
    public List<T> Query<T>(string sql, string parameterName, object value, Func<DbDataReader, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var lease = Rent();
        var healthy = false;
        try
        {
            var command = lease.Prepared(sql, parameterName);
            command.Parameters[0].Value = TypeHandlers.ForSqlite(value);
            var rows = new List<T>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add(read(reader));
                }
            }

            healthy = true;
            return rows;
        }
        finally
        {
            Return(lease, healthy);
        }
    }

    private Lease Rent()
    {
        if (_idle.TryTake(out var lease))
        {
            Interlocked.Decrement(ref _idleCount);
            return lease;
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return new Lease(connection);
    }

    private void Return(Lease lease, bool healthy)
    {
        // A connection that failed mid-read is not trusted again; beyond the idle cap, extra connections are closed.
        if (healthy && !_disposed && Interlocked.Increment(ref _idleCount) <= _maxIdle)
        {
            _idle.Add(lease);
            return;
        }

        if (healthy && !_disposed)
        {
            Interlocked.Decrement(ref _idleCount);
        }

        lease.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var lease))
        {
            lease.Dispose();
        }
    }

    private sealed class Lease(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public SqliteCommand Prepared(string sql, string parameterName)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.Add(new SqliteParameter(parameterName, null));
                command.Prepare();
                _commands.Add(sql, command);
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }
}
