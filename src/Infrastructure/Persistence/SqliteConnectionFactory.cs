using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Peksos.Clean.Infrastructure.Persistence;

/// <summary>
/// SQLite: a file in WAL mode (set by the migrator; it persists in the file) with foreign keys on. Write
/// transactions set <c>synchronous=FULL</c> (see <see cref="DbSession.BeginAsync"/>) so an acknowledged commit survives
/// a crash or power loss; reads open without any extra statement.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory, IDisposable
{
    private readonly string _connectionString;

    public SqliteConnectionFactory(string connectionString)
    {
        // Foreign keys are switched on by the write transaction's pragma (DbSession.BeginAsync), not here: a connection
        // string setting would run a PRAGMA on every pooled open, reads included.
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            DefaultTimeout = 30,
        };
        if (builder.Mode is SqliteOpenMode.ReadWriteCreate && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        _connectionString = builder.ToString();
        PreparedReads = new SqlitePreparedReads(_connectionString, Math.Max(4, Environment.ProcessorCount * 4));
    }

    /// <summary>The hottest single-row reads, on statements compiled once (see <see cref="SqlitePreparedReads"/>).</summary>
    public SqlitePreparedReads PreparedReads { get; }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string ConnectionString => _connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => PreparedReads.Dispose();
}
