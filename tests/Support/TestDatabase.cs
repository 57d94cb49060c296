using Npgsql;
using Peksos.Clean.Infrastructure.Persistence;
using Xunit;

namespace Peksos.Clean.Testing;

/// <summary>
/// A real, empty database for one test class: a temporary SQLite file, or a fresh PostgreSQL database on the
/// server named by the <c>PEKSOS_TEST_POSTGRES</c> environment variable (an Npgsql connection string, e.g.
/// <c>Host=127.0.0.1;Username=postgres;Password=postgres</c>). Without it, PostgreSQL tests are reported skipped;
/// <c>.ci/run</c> always sets it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PEKSOS_TEST_POSTGRES";

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The value for <c>Database:Provider</c>.</summary>
    public string ProviderName => Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";

    public string ConnectionString { get; }

    public DatabaseOptions Options => new(Provider, ConnectionString);

    /// <summary>The SQLite file path (SQLite only).</summary>
    public string? FilePath => _sqliteDirectory is null ? null : Path.Combine(_sqliteDirectory, "peksos.db");

    /// <summary>An open connection of the test's own, outside the host (to read what it wrote).</summary>
    public async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        System.Data.Common.DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static bool PostgresAvailable => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static TestDatabase Create(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? CreateSqlite() : CreatePostgres();

    public static TestDatabase CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "peksos-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "peksos.db")}", directory, null, null);
    }

    /// <summary>Creates an empty database on the test server; skips the calling test when no server is configured.</summary>
    public static TestDatabase CreatePostgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        Skip.If(string.IsNullOrWhiteSpace(server), $"PostgreSQL tests need {PostgresVariable} (bash .ci/run sets it).");

        var name = "peksos_test_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a host being torn down; the temp folder is cleaned by the OS.
            }
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
    }
}
